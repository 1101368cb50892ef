from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActionItem, Invitation, Meeting, Network


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality", "state", "structure"]


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    list_display = ["email", "network", "role", "expires_at", "accepted_at", "revoked_at"]
    exclude = ["token_hash"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network", "kind", "starts_at"]
    # Case conference content is for its participants only, not for platform administrators.
    exclude = ["case_code", "case_summary"]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network", "status", "due_date"]
