from django.contrib import admin

from partnerwerk.places.models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_de", "country", "continent", "population", "geonames_id"]
    list_filter = ["continent", "country"]
    search_fields = ["name", "name_de", "name_en", "name_native", "geonames_id"]
    filter_horizontal = ["sources"]
