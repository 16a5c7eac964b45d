from django.contrib import admin

from partnerwerk.sdg.models import Goal, Indicator, SdgTag, Target


class SdgTagInline(admin.TabularInline):
    model = SdgTag
    extra = 0
    exclude = ["sources"]
    autocomplete_fields = ["target"]


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
