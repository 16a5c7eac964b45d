from django.contrib import admin

from partnerwerk.actors.admin import InvolvementInline
from partnerwerk.projects.models import Activity, Project, Transaction


class TransactionInline(admin.TabularInline):
    model = Transaction
    extra = 0
    fields = ["key", "kind", "date", "amount", "currency", "description_de", "visibility"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title_de", "status", "start_date", "end_date", "visibility"]
    list_filter = ["status", "visibility", "themes"]
    search_fields = ["key", "title_de", "title_en", "summary_de"]
    filter_horizontal = ["partnerships", "themes", "sources"]
    inlines = [InvolvementInline, TransactionInline]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title_de", "kind", "start_date", "place", "visibility"]
    list_filter = ["kind", "visibility"]
    search_fields = ["key", "title_de", "title_en", "description_de"]
    autocomplete_fields = ["place", "project"]
    filter_horizontal = ["partnerships", "themes", "sources"]
    inlines = [InvolvementInline, TransactionInline]


@admin.register(Transaction)
class TransactionAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "date", "amount", "currency", "project", "activity"]
    list_filter = ["kind", "currency"]
    search_fields = ["key", "description_de"]
