from django.contrib import admin

from partnerwerk.documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "status", "date", "visibility"]
    list_filter = ["kind", "status", "visibility"]
    search_fields = ["key", "title_de", "title_en", "credit"]
    filter_horizontal = ["sources"]
