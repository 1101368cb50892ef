"""Minutes and decisions of a meeting: draft, circulate for comments, approve (then locked)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wegweiser.accounts.models import User
from wegweiser.core.links import absolute_url

from ..models import Decision, Meeting, Minutes, MinutesComment, MinutesStatus, minutes_sections

MINUTES_TRANSITIONS = {
    "circulate": (MinutesStatus.DRAFT, MinutesStatus.CIRCULATED),
    "approve": (MinutesStatus.CIRCULATED, MinutesStatus.APPROVED),
    "reopen": (MinutesStatus.CIRCULATED, MinutesStatus.DRAFT),
}


def minutes_for(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


@transaction.atomic
def save_minutes(meeting: Meeting, text: str) -> Minutes:
    minutes = Minutes.objects.select_for_update().get(pk=minutes_for(meeting).pk)
    if minutes.is_locked:
        raise PermissionDenied
    minutes.text = text
    minutes.save(update_fields=["text", "updated_at"])
    return minutes


@transaction.atomic
def transition_minutes(meeting: Meeting, action: str, user: User) -> Minutes:
    minutes = Minutes.objects.select_for_update().get(pk=minutes_for(meeting).pk)
    if action not in MINUTES_TRANSITIONS:
        raise ValidationError(_("Unknown step."))
    source, target = MINUTES_TRANSITIONS[action]
    if minutes.status != source:
        raise ValidationError(_("The minutes are not in the right state for this step."))
    if target == MinutesStatus.APPROVED and not minutes.text.strip():
        raise ValidationError(_("Empty minutes cannot be approved."))
    minutes.status = target
    if target == MinutesStatus.APPROVED:
        minutes.approved_at = timezone.now()
        minutes.approved_by = user
    minutes.save()
    if target == MinutesStatus.CIRCULATED:
        _mail_circulated(meeting)
    return minutes


def _mail_circulated(meeting: Meeting) -> None:
    """Every participant gets the minutes for comments, in her own language."""
    for participant in meeting.participants.select_related("user"):
        with translation.override(participant.user.preferred_language or "de"):
            # Inside the override: the link carries the reader's language prefix.
            link = absolute_url(meeting.get_absolute_url())
            send_mail(
                _("Minutes for comments: %(title)s") % {"title": meeting.title},
                render_to_string(
                    "network/email/minutes_circulated.txt", {"meeting": meeting, "link": link}
                ),
                None,
                [participant.user.email],
            )


@transaction.atomic
def add_decision(meeting: Meeting, text: str) -> Decision:
    return Decision.objects.create(meeting=meeting, text=text)


def comments_open(minutes: Minutes | None) -> bool:
    return minutes is not None and minutes.status == MinutesStatus.CIRCULATED


@transaction.atomic
def add_minutes_comment(meeting: Meeting, section: int, text: str, author: User) -> MinutesComment:
    """A comment on one section while the minutes are circulated (refused otherwise)."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes_for(meeting).pk)
    if not comments_open(minutes):
        raise ValidationError(_("Comments are possible only while the minutes are circulated."))
    sections = minutes_sections(minutes.text)
    if not 1 <= section <= len(sections):
        raise ValidationError(_("This section does not exist."))
    return MinutesComment.objects.create(
        minutes=minutes, section=section, quoted=sections[section - 1], text=text, author=author
    )
