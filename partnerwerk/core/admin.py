from django.contrib import admin

from partnerwerk.core.models import Source


def administrators_only(request) -> bool:
    # The admin is the administrators' tool; staff work in the office app.
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = administrators_only
admin.site.site_header = "Partnerwerk"


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "seed_file", "url", "published"]
    search_fields = ["key", "title", "url", "seed_file"]
    list_filter = ["publisher"]
