from django.contrib import admin

from partnerwerk.actors.models import Involvement, Organisation, Person


class InvolvementInline(admin.TabularInline):
    model = Involvement
    extra = 0
    autocomplete_fields = ["organisation", "person"]
    exclude = ["sources"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "place"]
    list_filter = ["kind"]
    search_fields = ["name", "name_en", "short_name", "key"]
    autocomplete_fields = ["parent", "place"]
    filter_horizontal = ["sources"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "function_de", "organisation", "visibility", "legal_basis"]
    list_filter = ["visibility", "legal_basis"]
    search_fields = ["name", "function_de", "function_en", "key"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["sources"]
