from django.contrib import admin

from partnerwerk.programmes.models import Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_de", "kind", "operator", "funder"]
    list_filter = ["kind"]
    search_fields = ["name_de", "name_en", "key"]
    autocomplete_fields = ["operator", "funder"]
    filter_horizontal = ["sources"]
