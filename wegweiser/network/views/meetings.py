"""Meetings: list, planning (single, from a roadmap template, as a series), the meeting page,
invitations, answers, attendance and the agenda."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.core.registry import network_sections, render_sections

from .. import roadmap, services
from ..access import (
    get_meeting_for_user,
    get_network_for_user,
    meetings_visible_to,
    refuse_if_minutes_locked,
)
from ..forms import (
    ActionItemForm,
    AgendaItemForm,
    DecisionForm,
    InviteParticipantsForm,
    MeetingForm,
    RsvpForm,
    SeriesForm,
    UploadForm,
)
from ..models import (
    AgendaItem,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Participant,
    Rsvp,
    minutes_sections,
)
from ..selectors import carried_over, invitation_candidates, member_users
from .minutes import record_minutes_read
from .pages import form_page


@login_required
@require_safe
def meetings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    now = timezone.now()
    visible = (
        meetings_visible_to(request.user, net)
        .select_related("network__municipality")
        .annotate(
            confirmed=Count("participants", filter=Q(participants__rsvp=Rsvp.YES), distinct=True),
            invited=Count("participants", distinct=True),
        )
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.filter(user=request.user),
                to_attr="mine",
            )
        )
    )
    return render(
        request,
        "network/meetings.html",
        {
            "net": net,
            "network": net.network,
            "upcoming": visible.filter(ends_at__gte=now).order_by("starts_at"),
            "past": visible.filter(ends_at__lt=now).order_by("-starts_at")[:50],
        },
    )


def _template_initial(step: roadmap.StepDefinition | None, kind: str | None) -> dict:
    """Form values from a roadmap step's template, or just the kind asked for."""
    template = step.template if step else None
    if template is not None:
        return {
            "kind": template.meeting_kind,
            "title": template.title,
            "duration_minutes": template.duration_minutes,
            "description": template.invitation,
        }
    if kind in MeetingKind.values:
        return {"kind": kind}
    return {}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Coordinators plan any meeting; counsellors plan case conferences."""
    net = get_network_for_user(request, slug)
    case_conference_only = not net.can_write
    if case_conference_only and not net.can_organise_case_conferences:
        raise PermissionDenied
    step = (
        None if case_conference_only else roadmap.step_definition(request.GET.get("template", ""))
    )
    form = MeetingForm(
        request.POST or None,
        initial=_template_initial(step, request.GET.get("kind")),
        case_conference_only=case_conference_only,
    )
    if request.method == "POST" and form.is_valid():
        posted_step = (
            None
            if case_conference_only
            else roadmap.step_definition(request.POST.get("template", ""))
        )
        agenda = posted_step.template.agenda if posted_step else None
        meeting = services.create_meeting(
            net.network, created_by=request.user, agenda=agenda, **form.meeting_fields()
        )
        messages.success(request, _("The meeting was created. Now invite the participants."))
        return redirect(meeting.get_absolute_url())
    return form_page(
        request,
        "network/meeting_form.html",
        net,
        form,
        step=step,
        may_plan_case_conference=net.can_organise_case_conferences or net.can_write,
    )


def _edit_initial(item: Meeting) -> dict:
    duration = int((item.ends_at - item.starts_at).total_seconds() // 60)
    return {
        "kind": item.kind,
        "title": item.title,
        "starts_at": timezone.localtime(item.starts_at, services.BERLIN).replace(tzinfo=None),
        "duration_minutes": duration,
        "place": item.place,
        "online_url": item.online_url,
        "capacity": item.capacity,
        "description": item.description,
        "case_code": item.case_code,
        "case_summary": item.case_summary,
    }


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, _can_write = get_meeting_for_user(request, slug, meeting, write=True)
    form = MeetingForm(
        request.POST or None,
        initial=_edit_initial(item),
        case_fields=item.is_case_conference,
        warn_past=request.POST.get("starts_at")
        != _edit_initial(item)["starts_at"].strftime("%Y-%m-%dT%H:%M"),
    )
    if request.method == "POST" and form.is_valid():
        services.update_meeting(item, **form.meeting_fields())
        messages.success(request, _("The meeting was saved."))
        return redirect(item.get_absolute_url())
    return form_page(request, "network/meeting_form.html", net, form, meeting=item)


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    form = SeriesForm(
        request.POST or None,
        initial={
            "title": _("Round table against labour exploitation"),
            "start_date": timezone.localdate(),
            "start_time": datetime.time(14, 0),
        },
    )
    if request.method == "POST" and form.is_valid():
        _series, created = services.create_series(
            net.network, created_by=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(count)s meetings were scheduled.") % {"count": len(created)})
        return redirect(net.network.url("meetings"))
    return form_page(request, "network/series_form.html", net, form)


def _record_forms(item: Meeting, members_qs, agenda_length: int) -> dict:
    """The forms a writer gets on the meeting page."""
    return {
        "invite_form": InviteParticipantsForm(candidates=invitation_candidates(item)),
        "agenda_form": AgendaItemForm(initial={"order": (agenda_length + 1) * 10}, prefix="agenda"),
        "decision_form": DecisionForm(prefix="decision"),
        "action_form": ActionItemForm(
            prefix="action",
            network=item.network,
            members=members_qs.order_by("name"),
        ),
        "upload_form": UploadForm(),
    }


def _sections_with_comments(minutes, with_comments: bool) -> list[dict]:
    """The sections of circulated or approved minutes, each with its comments (for the invited)."""
    if minutes is None or minutes.status == MinutesStatus.DRAFT:
        return []
    comments: dict[int, list] = {}
    if with_comments:
        for comment in minutes.comments.select_related("author"):
            comments.setdefault(comment.section, []).append(comment)
    return [
        {"number": number, "text": text, "comments": comments.get(number, [])}
        for number, text in enumerate(minutes_sections(minutes.text), start=1)
    ]


@login_required
@require_safe
def meeting_detail(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, can_write = get_meeting_for_user(request, slug, meeting)
    participants = list(
        item.participants.select_related("user", "organization").order_by("user__name")
    )
    mine = next((p for p in participants if p.user_id == request.user.pk), None)
    minutes = getattr(item, "minutes", None)
    record_minutes_read(request, item)
    agenda = list(item.agenda_items.all())
    context = {
        "net": net,
        "network": net.network,
        "meeting": item,
        "can_write": can_write,
        "participants": participants,
        "mine": mine,
        "confirmed": sum(1 for p in participants if p.rsvp == Rsvp.YES),
        "agenda": agenda,
        "carried": carried_over(item),
        "minutes": minutes,
        "decisions": item.decisions.all(),
        "actions": item.action_items.select_related("owner_organization", "owner_user"),
        "files": item.files.all(),
        "rsvp_form": RsvpForm(initial={"answer": mine.rsvp if mine else None}),
        "can_record_attendance": can_write and item.starts_at <= timezone.now(),
        "can_edit_record": can_write and not (minutes is not None and minutes.is_locked),
        "may_comment": can_write or mine is not None,
        "comments_open": services.comments_open(minutes),
        "minutes_sections": _sections_with_comments(minutes, can_write or mine is not None),
        "extra_sections": render_sections(network_sections["meeting"], request, item),
    }
    if can_write:
        context.update(_record_forms(item, member_users(net.network), len(agenda)))
    return render(request, "network/meeting_detail.html", context)


@login_required
@require_POST
def meeting_invite(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    form = InviteParticipantsForm(request.POST, candidates=invitation_candidates(item))
    if form.is_valid():
        count = services.invite_users(item, list(form.cleaned_data["users"]))
        messages.success(request, _("%(count)s people were invited.") % {"count": count})
    else:
        messages.error(request, _("Please choose at least one member."))
    return redirect(item.get_absolute_url() + "#participants")


@login_required
@require_POST
def meeting_rsvp(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting)
    participant = item.participants.filter(user=request.user).first()
    if participant is None:
        raise PermissionDenied
    form = RsvpForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose an answer."))
        return redirect(item.get_absolute_url())
    status = services.respond(participant, form.cleaned_data["answer"])
    if status == Rsvp.WAITING:
        messages.warning(
            request,
            _(
                "The meeting is full. You are on the waiting list and will get a place as soon "
                "as someone cancels."
            ),
        )
    else:
        messages.success(request, _("Thank you, your answer was saved."))
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def meeting_attendance(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    try:
        services.record_attendance(item, set(request.POST.getlist("attended")))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item.get_absolute_url())
    messages.success(request, _("Attendance was saved."))
    return redirect(item.get_absolute_url() + "#participants")


@login_required
@require_POST
def agenda_add(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    refuse_if_minutes_locked(item)
    form = AgendaItemForm(request.POST, prefix="agenda")
    if form.is_valid():
        services.add_agenda_item(item, form.save(commit=False))
        messages.success(request, _("The agenda item was added."))
    else:
        messages.error(request, _("Please give the topic and a duration."))
    return redirect(item.get_absolute_url() + "#agenda")


@login_required
@require_POST
def agenda_delete(
    request: AuthenticatedHttpRequest, slug: str, meeting: str, item: str
) -> HttpResponse:
    found, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    refuse_if_minutes_locked(found)
    agenda_item = AgendaItem.objects.filter(meeting=found, pk=item).first()
    if agenda_item is None:
        raise Http404
    services.remove_agenda_item(agenda_item)
    messages.success(request, _("The agenda item was removed."))
    return redirect(found.get_absolute_url() + "#agenda")


def _agenda_item(request: AuthenticatedHttpRequest, slug: str, meeting: str, item: str):
    found, net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    refuse_if_minutes_locked(found)
    agenda_item = AgendaItem.objects.filter(meeting=found, pk=item).first()
    if agenda_item is None:
        raise Http404
    return found, net, agenda_item


@login_required
@require_http_methods(["GET", "POST"])
def agenda_edit(
    request: AuthenticatedHttpRequest, slug: str, meeting: str, item: str
) -> HttpResponse:
    found, net, agenda_item = _agenda_item(request, slug, meeting, item)
    form = AgendaItemForm(request.POST or None, instance=agenda_item)
    if request.method == "POST" and form.is_valid():
        services.update_agenda_item(form.save(commit=False))
        messages.success(request, _("The agenda item was saved."))
        return redirect(found.get_absolute_url() + "#agenda")
    return form_page(
        request, "network/agenda_form.html", net, form, meeting=found, item=agenda_item
    )


@login_required
@require_POST
def agenda_move(
    request: AuthenticatedHttpRequest, slug: str, meeting: str, item: str
) -> HttpResponse:
    found, _net, agenda_item = _agenda_item(request, slug, meeting, item)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, _("Choose up or down."))
        return redirect(found.get_absolute_url() + "#agenda")
    services.move_agenda_item(agenda_item, direction)
    return redirect(found.get_absolute_url() + "#agenda")
