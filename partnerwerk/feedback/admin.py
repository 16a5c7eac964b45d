from django.contrib import admin

from partnerwerk.feedback.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "__str__", "page", "email", "language", "handled"]
    list_filter = ["handled", "language"]
    search_fields = ["message", "email", "page"]
    readonly_fields = ["message", "email", "page", "language", "created_at"]
