"""Action items (tasks) agreed in meetings and their status."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ActionItem, ActionStatus, Meeting


@transaction.atomic
def add_action_item(meeting: Meeting, item: ActionItem) -> ActionItem:
    """Record a task agreed in a meeting; it belongs to the meeting's network."""
    item.meeting = meeting
    item.network = meeting.network
    item.save()
    return item


@transaction.atomic
def set_action_status(item: ActionItem, status: str) -> ActionItem:
    if status not in ActionStatus.values:
        raise ValidationError(_("Unknown status."))
    item.status = status
    item.done_at = timezone.now() if status == ActionStatus.DONE else None
    item.save(update_fields=["status", "done_at"])
    return item
