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
        expect={"anonymous": 302, "outsider": 200, "foreign_state": 200, "state_member": 200},
    ),
    # Personal, not tied to a municipality: everyone logged in resets her own feed.
    Route(
        "network:calendar_reset",
        method="post",
        default=302,
        expect={"outsider": 302, "foreign_state": 302, "state_member": 302},
    ),
    Route("network:feed", public=True, kwargs={"token": "unknown"}, default=404),
]


# --- The state round table of Rheinland-Pfalz (network/demo.py): the same pages under
# /state/<slug>/roundtable/. Its state coordinator coordinates (writes), the state_member persona
# (Landeskriminalamt) takes part and reads; everyone else, the municipalities' people included,
# gets 404 (existence is not revealed); anonymous visitors the login.
RP = {"slug": "rheinland-pfalz"}
STATE_READ = {"anonymous": 302, "state_coordinator": 200, "state_member": 200}
STATE_WRITE = {"anonymous": 302, "state_coordinator": 200, "state_member": 403}
# Musterstadt's people, the other municipality's coordinator, Hessen, the administrator.
STATE_OUTSIDERS = 404


def state_meeting(world, **extra):
    from wegweiser.network.models import Meeting

    meeting = Meeting.objects.filter(network__state__slug="rheinland-pfalz").first()
    return {**RP, "meeting": meeting.pk, **extra}


def state_route(name, *, expect, method="get", data=None, kwargs=None, **options):
    return Route(
        f"roundtable:{name}",
        kwargs=kwargs or RP,
        method=method,
        data=data,
        default=options.get("default", STATE_OUTSIDERS),
        expect=expect,
    )


def state_post(name, *, data=None, kwargs=None, ok=302, member=403):
    """A write by POST: the coordinator's goes through (`ok`), the member's is refused."""
    return state_route(
        name,
        method="post",
        data=data,
        kwargs=kwargs,
        expect={"anonymous": 302, "state_coordinator": ok, "state_member": member},
    )


ON_MEETING = state_meeting
ROUTES += [
    state_route("members", expect=STATE_READ),
    state_route("invite", expect=STATE_WRITE),
    state_post("member_remove", data={"membership": "forged"}, ok=404),
    state_post("invitation_revoke", kwargs={**RP, "invitation": RANDOM}, ok=404),
    state_route("leave", expect=STATE_READ),
    state_route("meetings", expect=STATE_READ),
    state_route("meeting_create", expect=STATE_WRITE),
    state_route("series_create", expect=STATE_WRITE),
    state_route("meeting_detail", kwargs=ON_MEETING, expect=STATE_READ),
    state_route("meeting_edit", kwargs=ON_MEETING, expect=STATE_WRITE),
    state_post("meeting_invite", kwargs=ON_MEETING),
    # Members answer invitations: a read role's own write.
    state_post("meeting_rsvp", kwargs=ON_MEETING, data={"answer": "yes"}, member=302),
    state_post("meeting_attendance", kwargs=ON_MEETING),
    state_post(
        "agenda_add",
        kwargs=ON_MEETING,
        data={"agenda-title": "x", "agenda-duration_minutes": "5", "agenda-order": "1"},
    ),
    state_post("agenda_delete", kwargs=lambda w: state_meeting(w, item=RANDOM), ok=404),
    state_route(
        "agenda_edit",
        kwargs=lambda w: state_meeting(w, item=RANDOM),
        expect={"anonymous": 302, "state_coordinator": 404, "state_member": 403},
    ),
    state_post(
        "agenda_move",
        kwargs=lambda w: state_meeting(w, item=RANDOM),
        data={"direction": "up"},
        ok=404,
    ),
    state_route("minutes_edit", kwargs=ON_MEETING, expect=STATE_WRITE),
    # No circulated minutes yet: the comment is refused with a message (a redirect) for both.
    state_post(
        "minutes_comment", kwargs=ON_MEETING, data={"section": "1", "text": "x"}, member=302
    ),
    # Print view and PDF exist only for approved minutes.
    state_route(
        "minutes_print",
        kwargs=ON_MEETING,
        expect={"anonymous": 302, "state_coordinator": 404, "state_member": 404},
    ),
    state_route(
        "minutes_pdf",
        kwargs=ON_MEETING,
        expect={"anonymous": 302, "state_coordinator": 404, "state_member": 404},
    ),
    state_post("minutes_transition", kwargs=lambda w: state_meeting(w, action="circulate")),
    state_post("decision_add", kwargs=ON_MEETING, data={"decision-text": "x"}),
    state_post("action_add", kwargs=ON_MEETING, data={"action-title": "x"}),
    state_post("file_upload", kwargs=ON_MEETING),
    state_route("meeting_ics", kwargs=ON_MEETING, expect=STATE_READ),
    state_route(
        "file_download",
        kwargs={**RP, "file": RANDOM},
        expect={"anonymous": 302, "state_coordinator": 404, "state_member": 404},
    ),
    state_route("actions", expect=STATE_READ),
    state_post("action_update", kwargs={**RP, "item": RANDOM}, ok=404, member=404),
    # The annual report: the coordination only (as for a municipality's network).
    state_route(
        "report", kwargs={**RP, "year": 2026}, expect={"anonymous": 302, "state_coordinator": 200}
    ),
    state_route(
        "report_csv",
        kwargs={**RP, "year": 2026},
        expect={"anonymous": 302, "state_coordinator": 200},
    ),
]


# --- Cooperation agreements: members of the network read, its coordination writes. Musterstadt's
# agreement (police and counselling) and the state round table's agreement are in force (demo).
def agreement_of(scope_slug, **extra):
    def build(world):
        from django.db.models import Q

        from wegweiser.network.models import CooperationAgreement

        agreement = (
            CooperationAgreement.objects.filter(
                Q(network__municipality__slug=scope_slug) | Q(network__state__slug=scope_slug)
            )
            .exclude(in_force_from=None)
            .first()
        )
        return {"slug": scope_slug, "agreement": agreement.pk, **extra}

    return build


LOCAL_AGREEMENT = agreement_of("musterstadt")
STATE_AGREEMENT = agreement_of("rheinland-pfalz")
# A POST that the form refuses (no party, no date): a message and the agreement page, unchanged.
ROUTES += [
    Route("network:agreements", kwargs=SLUG, expect=MEMBERS_ONLY),
    Route("network:agreement_create", kwargs=SLUG, expect=WRITE),
    Route("network:agreement_detail", kwargs=LOCAL_AGREEMENT, expect=MEMBERS_ONLY),
    Route("network:agreement_edit", kwargs=LOCAL_AGREEMENT, expect=WRITE),
    Route(
        "network:agreement_sign",
        kwargs=LOCAL_AGREEMENT,
        method="post",
        default=302,
        expect={**WRITE, "anonymous": 302},
    ),
    # The start of an agreement in force cannot be removed: refused with a message.
    Route(
        "network:agreement_validity",
        kwargs=LOCAL_AGREEMENT,
        method="post",
        default=302,
        expect={**WRITE, "anonymous": 302},
    ),
    Route("network:agreement_pdf", kwargs=LOCAL_AGREEMENT, expect=MEMBERS_ONLY),
    state_route("agreements", expect=STATE_READ),
    state_route("agreement_create", expect=STATE_WRITE),
    state_route("agreement_detail", kwargs=STATE_AGREEMENT, expect=STATE_READ),
    state_route("agreement_edit", kwargs=STATE_AGREEMENT, expect=STATE_WRITE),
    state_post("agreement_sign", kwargs=STATE_AGREEMENT),
    state_post("agreement_validity", kwargs=STATE_AGREEMENT),
    state_route("agreement_pdf", kwargs=STATE_AGREEMENT, expect=STATE_READ),
]
