"""Every network URL × persona. Meetings come from the demo (network/demo.py)."""

import uuid

from wegweiser.testing import Route

SLUG = {"slug": "musterstadt"}
NOBODY = {"admin": 404}
WRITE = {"member": 403, "counsellor": 403, "state_coordinator": 403, "admin": 404}
MEMBERS_ONLY = {"state_coordinator": 404, "admin": 404}
RANDOM = str(uuid.UUID(int=1))


def next_round_table(world):
    from wegweiser.network.models import Meeting

    meeting = (
        Meeting.objects.filter(network__municipality__slug="musterstadt", kind="round_table")
        .order_by("-starts_at")
        .first()
    )
    return {"slug": "musterstadt", "meeting": meeting.pk}


def coordinators_task(world):
    """A task of the next round table that the coordinator owns: the invited member sees it but
    may not change it (403); the others do not see the meeting (404)."""
    from wegweiser.network.models import ActionItem, Meeting
    from wegweiser.network.services import add_action_item

    meeting = Meeting.objects.get(pk=next_round_table(world)["meeting"])
    item = add_action_item(
        meeting, ActionItem(title="Protokoll verteilen", owner_user=world.users["coordinator"])
    )
    return {"slug": "musterstadt", "item": item.pk}


def with_meeting(**extra):
    return lambda world: {**next_round_table(world), **extra}


# The next round table invites the coordinator and the member, not the counsellor.
MEETING_READ = {"counsellor": 404, "state_coordinator": 404, "admin": 404}
MEETING_WRITE = {"member": 403, "counsellor": 404, "state_coordinator": 404, "admin": 404}

ROUTES = [
    Route("network:dashboard", kwargs=SLUG, expect=NOBODY),
    Route("network:settings", kwargs=SLUG, expect=WRITE),
    Route("network:roadmap_step", kwargs={**SLUG, "step": "workshop_1"}, expect=NOBODY),
    Route("network:members", kwargs=SLUG, expect=MEMBERS_ONLY),
    Route("network:invite", kwargs=SLUG, expect=WRITE),
    Route(
        "network:member_remove",
        kwargs=SLUG,
        method="post",
        data={"membership": "forged"},
        expect={**WRITE, "coordinator": 404},
    ),
    Route(
        "network:invitation_revoke",
        kwargs={**SLUG, "invitation": RANDOM},
        method="post",
        expect={**WRITE, "coordinator": 404},
    ),
    Route("network:leave", kwargs=SLUG, expect=MEMBERS_ONLY),
    Route("network:accept", public=True, kwargs={"token": "not-a-token"}, default=404),
    # Without an invitation remembered in the session (from the e-mail's link) there is nothing.
    Route("network:invitation", public=True, default=404),
    Route("network:meetings", kwargs=SLUG, expect=MEMBERS_ONLY),
    # Counsellors may plan case conferences (the form offers only that type).
    Route("network:meeting_create", kwargs=SLUG, expect={**WRITE, "counsellor": 200}),
    Route("network:series_create", kwargs=SLUG, expect=WRITE),
    Route("network:meeting_detail", kwargs=next_round_table, expect=MEETING_READ),
    Route("network:meeting_edit", kwargs=next_round_table, expect=MEETING_WRITE),
    Route(
        "network:meeting_invite",
        kwargs=next_round_table,
        method="post",
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:meeting_rsvp",
        kwargs=next_round_table,
        method="post",
        data={"answer": "yes"},
        default=302,
        expect={**MEETING_READ, "anonymous": 302},
    ),
    Route(
        "network:meeting_attendance",
        kwargs=next_round_table,
        method="post",
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:agenda_add",
        kwargs=next_round_table,
        method="post",
        data={"agenda-title": "x", "agenda-duration_minutes": "5", "agenda-order": "1"},
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:agenda_delete",
        kwargs=with_meeting(item=RANDOM),
        method="post",
        default=404,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:agenda_edit",
        kwargs=with_meeting(item=RANDOM),
        default=404,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:agenda_move",
        kwargs=with_meeting(item=RANDOM),
        method="post",
        data={"direction": "up"},
        default=404,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route("network:minutes_edit", kwargs=next_round_table, expect=MEETING_WRITE),
    # The next round table has no circulated minutes: the comment is refused with a message.
    Route(
        "network:minutes_comment",
        kwargs=next_round_table,
        method="post",
        data={"section": "1", "text": "x"},
        default=302,
        expect={**MEETING_READ, "anonymous": 302},
    ),
    # Print view and PDF exist only for approved minutes (the next round table has none).
    Route(
        "network:minutes_print",
        kwargs=next_round_table,
        default=404,
        expect={**MEETING_READ, "anonymous": 302},
    ),
    Route(
        "network:minutes_pdf",
        kwargs=next_round_table,
        default=404,
        expect={**MEETING_READ, "anonymous": 302},
    ),
    Route(
        "network:minutes_transition",
        kwargs=with_meeting(action="circulate"),
        method="post",
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:decision_add",
        kwargs=next_round_table,
        method="post",
        data={"decision-text": "x"},
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:action_add",
        kwargs=next_round_table,
        method="post",
        data={"action-title": "x"},
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:file_upload",
        kwargs=next_round_table,
        method="post",
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route("network:meeting_ics", kwargs=next_round_table, expect=MEETING_READ),
    Route(
        "network:file_download",
        kwargs={**SLUG, "file": RANDOM},
        default=404,
        expect={"anonymous": 302},
    ),
    Route("network:actions", kwargs=SLUG, expect=MEMBERS_ONLY),
    Route(
        "network:action_update",
        kwargs={**SLUG, "item": RANDOM},
        method="post",
        default=404,
        expect={"anonymous": 302},
    ),
    Route(
        "network:action_update",
        kwargs=coordinators_task,
        method="post",
        data={"status": "done"},
        default=302,
        expect={**MEETING_WRITE, "anonymous": 302},
    ),
    Route(
        "network:report",
        kwargs={**SLUG, "year": 2026},
        expect={"member": 404, "counsellor": 404, "admin": 404},
    ),
    Route(
        "network:report_csv",
        kwargs={**SLUG, "year": 2026},
        expect={"member": 404, "counsellor": 404, "admin": 404},
    ),
    Route(
        "network:calendar",
        expect={"anonymous": 302, "outsider": 200, "foreign_state": 200},
    ),
    # Personal, not tied to a municipality: everyone logged in resets her own feed.
    Route(
        "network:calendar_reset",
        method="post",
        default=302,
        expect={"outsider": 302, "foreign_state": 302},
    ),
    Route("network:feed", public=True, kwargs={"token": "unknown"}, default=404),
]
