from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerwerk.accounts.models import Invitation, Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "organisation", "partnership", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["partnership"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are made in the office or with `partnerwerk invite` (which show the link
    once); the admin lists and revokes them."""

    list_display = ["email", "role", "invited_by", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email"]
    readonly_fields = [
        "email",
        "role",
        "organisation",
        "partnership",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_by",
    ]

    def has_add_permission(self, request):
        return False
