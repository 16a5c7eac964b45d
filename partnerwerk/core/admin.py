from django.contrib import admin

from partnerwerk.core.models import Source

# The admin site's sign-in and its second factor are set up in accounts/admin.py: core imports
# no other app.


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "seed_file", "url", "published"]
    search_fields = ["key", "title", "url", "seed_file"]
    list_filter = ["publisher"]
