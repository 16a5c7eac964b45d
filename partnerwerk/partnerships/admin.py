from django.contrib import admin

from partnerwerk.actors.admin import InvolvementInline
from partnerwerk.partnerships.models import Partnership, Step, Theme
from partnerwerk.partnerships.services import partnership_refresh_status


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    fields = ["date", "date_precision", "kind", "status_after", "decision_body", "note_de"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "status", "since", "origin", "visibility"]
    list_filter = ["kind", "status", "origin", "visibility", "partner__continent"]
    search_fields = ["key", "partner__name", "partner__name_de", "description_de"]
    autocomplete_fields = ["home", "partner", "succeeds"]
    readonly_fields = ["status", "since"]
    filter_horizontal = ["themes", "programmes", "sources"]
    inlines = [StepInline, InvolvementInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Steps edited inline change the derived status; the service recomputes it.
        partnership_refresh_status(partnership=form.instance)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_de", "name_en"]
    search_fields = ["code", "name_de", "name_en"]
    filter_horizontal = ["goals"]
