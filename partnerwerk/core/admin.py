from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url

from partnerwerk.accounts.two_factor import is_verified
from partnerwerk.core.models import Source


def administrators_only(request) -> bool:
    # The admin is the administrators' tool; staff work in the office app. Like every office
    # page it needs the second factor.
    return request.user.is_active and request.user.is_superuser and is_verified(request)


def admin_sign_in(request, extra_context=None):
    """The admin's own password-only form is never used: sign-in goes through the office's
    two steps and comes back."""
    next_url = request.GET.get("next") or resolve_url("admin:index")
    step = "accounts:verify" if request.user.is_authenticated else "accounts:sign-in"
    return redirect_to_login(next_url, resolve_url(step))


admin.site.has_permission = administrators_only
admin.site.login = admin_sign_in
admin.site.site_header = "Partnerwerk"


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "seed_file", "url", "published"]
    search_fields = ["key", "title", "url", "seed_file"]
    list_filter = ["publisher"]
