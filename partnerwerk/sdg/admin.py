from django.contrib import admin

from partnerwerk.partnerships.admin import PartnershipAdmin
from partnerwerk.projects.admin import ActivityAdmin, ProjectAdmin
from partnerwerk.sdg.models import Goal, Indicator, SdgSuggestionDecision, SdgTag, Target


class SdgTagInline(admin.TabularInline):
    model = SdgTag
    extra = 0
    exclude = ["sources"]
    autocomplete_fields = ["target"]
    readonly_fields = ["confirmed_by", "confirmed_at"]


# Goals hang on partnerships, projects and activities; their admin pages get the goals' inline
# from here, so the lower apps need not know the SDG app (decision 0021).
for _model_admin in (PartnershipAdmin, ProjectAdmin, ActivityAdmin):
    _model_admin.inlines = [*_model_admin.inlines, SdgTagInline]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["code", "title_de", "title_en"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "short_de", "short_en", "short_fr"]
    search_fields = ["short_de", "short_en", "title_de", "title_en"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal", "title_de"]
    list_filter = ["goal"]
    search_fields = ["code", "title_de", "title_en"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "target", "title_de"]
    list_filter = ["target__goal"]
    search_fields = ["code", "title_de", "title_en"]


@admin.register(SdgSuggestionDecision)
class SdgSuggestionDecisionAdmin(admin.ModelAdmin):
    # Decisions are history: shown, never edited by hand.
    list_display = ["goal", "target", "verdict", "decided_by", "decided_at"]
    list_filter = ["verdict", "goal"]
    list_select_related = ["goal", "target", "decided_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
