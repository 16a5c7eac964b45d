from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from simple_history.admin import SimpleHistoryAdmin

from partnerwerk.accounts.models import Invitation, Membership
from partnerwerk.accounts.two_factor import is_verified


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


# The site's sign-in lives with the accounts that own the second factor; autodiscovery imports
# this module before the first request, so every admin page is guarded.
admin.site.has_permission = administrators_only
admin.site.login = admin_sign_in
admin.site.site_header = "Partnerwerk"


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "organisation", "partnership", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["partnership"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are made in the office or with `partnerwerk invite` (which show the link
    once); the admin lists and revokes them."""

    list_display = ["email", "role", "invited_by", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email"]
    readonly_fields = [
        "email",
        "role",
        "organisation",
        "partnership",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_by",
    ]

    def has_add_permission(self, request):
        return False
