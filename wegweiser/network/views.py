from __future__ import annotations

import csv
import datetime
import io

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.access import (
    forget_memberships,
    get_municipality_for_user,
    organizations_of,
    states_coordinated_by,
)
from wegweiser.accounts.models import Membership, User
from wegweiser.core.models import State
from wegweiser.guidebook.models import ActorType, Organization

from . import charts, roadmap, services
from .access import (
    NetworkAccess,
    action_items_visible_to,
    get_action_item_for_user,
    get_file_for_user,
    get_meeting_for_user,
    get_network_for_user,
    meetings_visible_to,
)
from .forms import (
    AcceptNewAccountForm,
    ActionItemForm,
    ActionStatusForm,
    AgendaItemForm,
    DecisionForm,
    InvitationForm,
    InviteParticipantsForm,
    MeetingForm,
    MinutesForm,
    NetworkForm,
    RsvpForm,
    SeriesForm,
    UploadForm,
)
from .models import (
    ActionStatus,
    AgendaItem,
    CalendarFeed,
    Decision,
    Invitation,
    Meeting,
    MeetingKind,
    Network,
    Participant,
    Rsvp,
)

MEMBER_SALT = "network.membership"


def _meeting_url(meeting: Meeting) -> str:
    return meeting.get_absolute_url()


# --- network -------------------------------------------------------------------------------------


@login_required
@require_safe
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug)
    network = Network.objects.filter(municipality=municipality).first()
    if network is None:
        return render(
            request,
            "network/no_network.html",
            {"municipality": municipality, "can_write": access.is_coordinator},
        )
    net = NetworkAccess(network, access)
    now = timezone.now()
    context = {
        "municipality": municipality,
        "network": network,
        "net": net,
        "roadmap": roadmap.compute(network, now),
        "gaps": services.gaps(network) if net.is_participant_type else [],
        "member_count": services.active_members(network).count(),
    }
    if net.is_participant_type:
        context["upcoming"] = (
            meetings_visible_to(request.user, net).upcoming(now).order_by("starts_at")[:5]
        )
        items = action_items_visible_to(request.user, net).exclude(status=ActionStatus.DONE)
        context["open_actions"] = items.select_related("owner_organization", "owner_user")[:10]
    return render(request, "network/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def network_settings(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, _access = get_municipality_for_user(request, slug, write=True)
    network = Network.objects.filter(municipality=municipality).first()
    form = NetworkForm(
        request.POST or None,
        instance=network,
        initial=None
        if network
        else {
            "name": _("Network against labour exploitation %(place)s")
            % {"place": municipality.name}
        },
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.municipality = municipality
        saved.save()
        messages.success(request, _("The network was saved."))
        return redirect("network:dashboard", slug=slug)
    return render(
        request,
        "network/settings.html",
        {"form": form, "municipality": municipality, "network": network},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def roadmap_step(request: HttpRequest, slug: str, step: str) -> HttpResponse:
    net = get_network_for_user(request, slug)
    definition = roadmap.step_definition(step)
    if definition is None:
        raise Http404
    road = roadmap.compute(net.network)
    state = next(s for s in road.steps if s.key == step)
    return render(
        request,
        "network/roadmap_step.html",
        {"net": net, "network": net.network, "step": state, "template": definition.template},
    )


# --- members and invitations ---------------------------------------------------------------------


@login_required
@require_safe
def members(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    member_list = list(services.active_members(net.network))
    for membership in member_list:
        membership.signed = signing.dumps(membership.pk, salt=MEMBER_SALT)
    invitations = (
        Invitation.objects.open().filter(network=net.network).select_related("organization")
        if net.can_write
        else []
    )
    return render(
        request,
        "network/members.html",
        {"net": net, "network": net.network, "members": member_list, "invitations": invitations},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    municipality = net.network.municipality
    initial = {}
    if request.method == "GET":
        organization = None
        actor_type = None
        if request.GET.get("organization"):
            try:
                organization = Organization.objects.filter(
                    municipalities=municipality, pk=request.GET["organization"]
                ).first()
            except ValidationError:
                organization = None
        if request.GET.get("actor_type"):
            actor_type = ActorType.objects.filter(key=request.GET["actor_type"]).first()
        if organization or actor_type:
            initial = services.invitation_draft(net.network, organization, actor_type)
    form = InvitationForm(request.POST or None, initial=initial, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.create_invitation(
            net.network,
            email=data["email"],
            name=data["name"],
            role=data["role"],
            organization=data["organization"],
            message=data["message"],
            invited_by=request.user,
        )
        messages.success(
            request, _("The invitation was sent to %(email)s.") % {"email": data["email"]}
        )
        return redirect("network:members", slug=slug)
    return render(
        request,
        "network/invite.html",
        {"net": net, "network": net.network, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, invitation: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    item = Invitation.objects.open().filter(network=net.network, pk=invitation).first()
    if item is None:
        raise Http404
    item.revoked_at = timezone.now()
    item.save(update_fields=["revoked_at"])
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("network:members", slug=slug)


@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitee's page: create an account (name, password) or attach the logged-in account."""
    invitation = services.find_open_invitation(token)
    if invitation is None:
        return render(request, "network/accept_invalid.html", status=404)
    existing = User.objects.filter(email=invitation.email).first()
    user = request.user if request.user.is_authenticated else None
    form = None
    if user is None and existing is None:
        form = AcceptNewAccountForm(
            request.POST or None, initial={"name": invitation.name}, email=invitation.email
        )
    if request.method == "POST":
        if user is not None:
            membership = services.accept_invitation(invitation, user=user)
        elif form is not None and form.is_valid():
            user = services.create_account(
                email=invitation.email,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
            membership = services.accept_invitation(invitation, user=user)
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        else:
            return render(
                request,
                "network/accept.html",
                {"invitation": invitation, "form": form, "existing": existing},
                status=400 if form is not None else 200,
            )
        forget_memberships(user)
        messages.success(
            request,
            _("Welcome to %(network)s. You are now a member.") % {"network": invitation.network},
        )
        return redirect("network:dashboard", slug=membership.municipality.slug)
    return render(
        request,
        "network/accept.html",
        {"invitation": invitation, "form": form, "existing": existing},
    )


def _membership_from_signed(value: str, network: Network) -> Membership:
    try:
        pk = signing.loads(value, salt=MEMBER_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    membership = (
        Membership.objects.active()
        .filter(pk=pk, municipality=network.municipality)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, write=True)
    membership = _membership_from_signed(request.POST.get("membership", ""), net.network)
    if membership.user_id == request.user.pk:
        messages.error(request, _("Use “Leave the network” to end your own membership."))
        return redirect("network:members", slug=slug)
    services.end_membership(membership)
    messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user.name})
    return redirect("network:members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    own = list(
        Membership.objects.active().filter(user=request.user, municipality=net.network.municipality)
    )
    if request.method == "POST":
        for membership in own:
            services.end_membership(membership)
        messages.success(request, _("You have left the network."))
        return redirect("core:dashboard")
    return render(request, "network/leave.html", {"net": net, "network": net.network})


# --- meetings ------------------------------------------------------------------------------------


@login_required
@require_safe
def meetings(request: HttpRequest, slug: str) -> HttpResponse:
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


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Coordinators plan any meeting; counsellors plan case conferences."""
    net = get_network_for_user(request, slug)
    case_conference_only = not net.can_write
    if case_conference_only and not net.can_organise_case_conferences:
        raise PermissionDenied
    step = (
        None if case_conference_only else roadmap.step_definition(request.GET.get("template", ""))
    )
    template = step.template if step else None
    initial = {}
    if template is not None:
        initial = {
            "kind": template.meeting_kind,
            "title": template.title,
            "duration_minutes": template.duration_minutes,
            "description": template.invitation,
        }
    elif request.GET.get("kind") in MeetingKind.values:
        initial = {"kind": request.GET["kind"]}
    form = MeetingForm(
        request.POST or None, initial=initial, case_conference_only=case_conference_only
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
        return redirect(_meeting_url(meeting))
    return render(
        request,
        "network/meeting_form.html",
        {"net": net, "network": net.network, "form": form, "step": step},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, _can_write = get_meeting_for_user(request, slug, meeting, write=True)
    duration = int((item.ends_at - item.starts_at).total_seconds() // 60)
    initial = {
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
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for field, value in form.meeting_fields().items():
            setattr(item, field, value)
        item.save()
        messages.success(request, _("The meeting was saved."))
        return redirect(_meeting_url(item))
    return render(
        request,
        "network/meeting_form.html",
        {"net": net, "network": net.network, "form": form, "meeting": item},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request: HttpRequest, slug: str) -> HttpResponse:
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
        data = form.cleaned_data
        _series, created = services.create_series(
            net.network,
            created_by=request.user,
            title=data["title"],
            kind=data["kind"],
            rule=data["rule"],
            nth=data["nth"],
            weekday=data["weekday"],
            month_of_quarter=data["month_of_quarter"],
            start_date=data["start_date"],
            start_time=data["start_time"],
            duration_minutes=data["duration_minutes"],
            count=data["count"],
            place=data["place"],
            online_url=data["online_url"],
            capacity=data["capacity"],
        )
        messages.success(request, _("%(count)s meetings were scheduled.") % {"count": len(created)})
        return redirect("network:meetings", slug=slug)
    return render(
        request,
        "network/series_form.html",
        {"net": net, "network": net.network, "form": form},
        status=400 if form.errors else 200,
    )


def _candidates(meeting: Meeting):
    invited = meeting.participants.values("user_id")
    return (
        User.objects.filter(
            memberships__in=Membership.objects.active().filter(
                municipality=meeting.network.municipality
            )
        )
        .exclude(pk__in=invited)
        .distinct()
        .order_by("name")
    )


@login_required
@require_safe
def meeting_detail(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, can_write = get_meeting_for_user(request, slug, meeting)
    participants = list(
        item.participants.select_related("user", "organization").order_by("user__name")
    )
    mine = next((p for p in participants if p.user_id == request.user.pk), None)
    minutes = getattr(item, "minutes", None) if hasattr(item, "minutes") else None
    members_qs = User.objects.filter(
        memberships__in=Membership.objects.active().filter(municipality=net.network.municipality)
    ).distinct()
    context = {
        "net": net,
        "network": net.network,
        "meeting": item,
        "can_write": can_write,
        "participants": participants,
        "mine": mine,
        "confirmed": sum(1 for p in participants if p.rsvp == Rsvp.YES),
        "agenda": item.agenda_items.all(),
        "carried": services.carried_over(item),
        "minutes": minutes,
        "decisions": item.decisions.all(),
        "actions": item.action_items.select_related("owner_organization", "owner_user"),
        "files": item.files.all(),
        "rsvp_form": RsvpForm(initial={"answer": mine.rsvp if mine else None}),
        "can_record_attendance": can_write and item.starts_at <= timezone.now(),
        "can_edit_record": can_write and not (minutes is not None and minutes.is_locked),
    }
    if can_write:
        context.update(
            invite_form=InviteParticipantsForm(candidates=_candidates(item)),
            agenda_form=AgendaItemForm(
                initial={"order": (item.agenda_items.count() + 1) * 10}, prefix="agenda"
            ),
            decision_form=DecisionForm(prefix="decision"),
            action_form=ActionItemForm(
                prefix="action", municipality=net.network.municipality, members=members_qs
            ),
            upload_form=UploadForm(),
        )
    return render(request, "network/meeting_detail.html", context)


@login_required
@require_POST
def meeting_invite(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    form = InviteParticipantsForm(request.POST, candidates=_candidates(item))
    if form.is_valid():
        count = services.invite_users(item, list(form.cleaned_data["users"]))
        messages.success(request, _("%(count)s people were invited.") % {"count": count})
    else:
        messages.error(request, _("Please choose at least one member."))
    return redirect(_meeting_url(item) + "#participants")


@login_required
@require_POST
def meeting_rsvp(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting)
    participant = item.participants.filter(user=request.user).first()
    if participant is None:
        raise PermissionDenied
    form = RsvpForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose an answer."))
        return redirect(_meeting_url(item))
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
    return redirect(_meeting_url(item))


@login_required
@require_POST
def meeting_attendance(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    try:
        services.record_attendance(item, set(request.POST.getlist("attended")))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_meeting_url(item))
    messages.success(request, _("Attendance was saved."))
    return redirect(_meeting_url(item) + "#participants")


@login_required
@require_POST
def agenda_add(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    _refuse_if_locked(item)
    form = AgendaItemForm(request.POST, prefix="agenda")
    if form.is_valid():
        agenda_item = form.save(commit=False)
        agenda_item.meeting = item
        agenda_item.save()
        messages.success(request, _("The agenda item was added."))
    else:
        messages.error(request, _("Please give the topic and a duration."))
    return redirect(_meeting_url(item) + "#agenda")


@login_required
@require_POST
def agenda_delete(request: HttpRequest, slug: str, meeting: str, item: str) -> HttpResponse:
    found, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    _refuse_if_locked(found)
    agenda_item = AgendaItem.objects.filter(meeting=found, pk=item).first()
    if agenda_item is None:
        raise Http404
    agenda_item.delete()
    messages.success(request, _("The agenda item was removed."))
    return redirect(_meeting_url(found) + "#agenda")


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    minutes = services.minutes_for(item)
    if minutes.is_locked:
        raise PermissionDenied
    initial_text = minutes.text
    if not initial_text:
        lines = [f"{i}. {a.title}" for i, a in enumerate(item.agenda_items.all(), start=1)]
        initial_text = "\n\n".join(lines)
    form = MinutesForm(request.POST or None, initial={"text": initial_text})
    if request.method == "POST" and form.is_valid():
        services.save_minutes(item, form.cleaned_data["text"])
        messages.success(request, _("The minutes were saved."))
        return redirect(_meeting_url(item) + "#minutes")
    return render(
        request,
        "network/minutes_form.html",
        {"net": net, "network": net.network, "meeting": item, "form": form, "minutes": minutes},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def minutes_transition(request: HttpRequest, slug: str, meeting: str, action: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    if action not in services.MINUTES_TRANSITIONS:
        raise Http404
    try:
        minutes = services.transition_minutes(item, action, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The minutes are now: %(status)s.") % {"status": minutes.get_status_display()},
        )
    return redirect(_meeting_url(item) + "#minutes")


@login_required
@require_POST
def decision_add(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    _refuse_if_locked(item)
    form = DecisionForm(request.POST, prefix="decision")
    if form.is_valid():
        Decision.objects.create(meeting=item, text=form.cleaned_data["text"])
        messages.success(request, _("The decision was recorded."))
    else:
        messages.error(request, _("Please write the decision."))
    return redirect(_meeting_url(item) + "#decisions")


def _refuse_if_locked(meeting: Meeting) -> None:
    minutes = getattr(meeting, "minutes", None) if hasattr(meeting, "minutes") else None
    if minutes is not None and minutes.is_locked:
        raise PermissionDenied


@login_required
@require_POST
def action_add(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    _refuse_if_locked(item)
    members_qs = User.objects.filter(
        memberships__in=Membership.objects.active().filter(municipality=net.network.municipality)
    ).distinct()
    form = ActionItemForm(
        request.POST, prefix="action", municipality=net.network.municipality, members=members_qs
    )
    if form.is_valid():
        action = form.save(commit=False)
        action.meeting = item
        action.network = net.network
        action.save()
        messages.success(request, _("The task was recorded."))
    else:
        messages.error(request, _("Please describe the task."))
    return redirect(_meeting_url(item) + "#actions")


@login_required
@require_safe
def actions(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_network_for_user(request, slug, members_only=True)
    visible = action_items_visible_to(request.user, net).select_related(
        "owner_organization", "owner_user", "meeting__network__municipality"
    )
    mine_orgs = organizations_of(request.user, net.network.municipality)
    mine = Q(owner_user=request.user) | Q(owner_organization__in=mine_orgs)
    return render(
        request,
        "network/actions.html",
        {
            "net": net,
            "network": net.network,
            "open_items": visible.exclude(status=ActionStatus.DONE),
            "my_items": visible.exclude(status=ActionStatus.DONE).filter(mine),
            "done_items": visible.filter(status=ActionStatus.DONE).order_by("-done_at")[:30],
            "status_choices": ActionStatus.choices,
        },
    )


@login_required
@require_POST
def action_update(request: HttpRequest, slug: str, item: str) -> HttpResponse:
    action, can_update = get_action_item_for_user(request, slug, item)
    if not can_update:
        raise PermissionDenied
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.set_action_status(action, form.cleaned_data["status"])
        messages.success(request, _("The task status was saved."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("network:actions", slug=slug)


# --- files ---------------------------------------------------------------------------------------


@login_required
@require_POST
def file_upload(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Please choose a file."))
        return redirect(_meeting_url(item) + "#files")
    try:
        services.store_file(item, form.cleaned_data["file"], request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        response = redirect(_meeting_url(item) + "#files")
        return response
    messages.success(request, _("The file was uploaded."))
    return redirect(_meeting_url(item) + "#files")


@login_required
@require_safe
def file_download(request: HttpRequest, slug: str, file: str) -> HttpResponse:
    stored = get_file_for_user(request, slug, file)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- calendar ------------------------------------------------------------------------------------


def _ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def meeting_ics(request: HttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting)
    return _ics_response(services.calendar_bytes([item], item.title), f"meeting-{item.id}.ics")


@login_required
@require_safe
def calendar_settings(request: HttpRequest) -> HttpResponse:
    feed = CalendarFeed.objects.filter(user=request.user).first()
    url = (
        request.build_absolute_uri(reverse("network:feed", kwargs={"token": feed.token}))
        if feed
        else None
    )
    return render(request, "network/calendar.html", {"feed_url": url})


@login_required
@require_POST
def calendar_reset(request: HttpRequest) -> HttpResponse:
    existed = CalendarFeed.objects.filter(user=request.user).exists()
    services.feed_for(request.user, reset=True)
    if existed:
        messages.success(request, _("A new address was created. The old one no longer works."))
    else:
        messages.success(request, _("Your calendar address was created."))
    return redirect("network:calendar")


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    subscription = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if subscription is None:
        raise Http404
    meetings_list = services.feed_meetings(subscription.user)
    return _ics_response(services.calendar_bytes(meetings_list, "Wegweiser"), "wegweiser.ics")


# --- reports -------------------------------------------------------------------------------------


def _report_year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@login_required
@require_safe
def report(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    net = get_network_for_user(request, slug)
    if not (net.can_write or net.access.is_state_coordinator):
        raise Http404
    data = services.report(net.network, _report_year(year))
    context = {
        "net": net,
        "network": net.network,
        "report": data,
        "years": [year - 1, year + 1],
        "chart_meetings": charts.bar_chart(
            data["meetings_by_kind"], _("Meetings held in %(year)s by type") % {"year": year}
        ),
        "chart_attendance": charts.bar_chart(
            data["attendance"], _("Attendance in %(year)s by actor type") % {"year": year}
        ),
        "chart_actions": charts.bar_chart(
            data["actions"], _("Action items in %(year)s") % {"year": year}
        ),
    }
    return render(request, "network/report.html", context)


@login_required
@require_safe
def report_csv(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    net = get_network_for_user(request, slug)
    if not (net.can_write or net.access.is_state_coordinator):
        raise Http404
    data = services.report(net.network, _report_year(year))
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    rows = [[_("section"), _("item"), _("value")]]
    rows += [[_("meetings held"), label, value] for label, value in data["meetings_by_kind"]]
    rows += [[_("attendance"), label, value] for label, value in data["attendance"]]
    rows += [[_("action items"), label, value] for label, value in data["actions"]]
    fresh = data["freshness"]
    rows += [
        [_("guidebook"), _("entries"), fresh["total"]],
        [_("guidebook"), _("confirmed recently"), fresh["fresh"]],
        [_("guidebook"), _("not confirmed recently"), fresh["stale"]],
    ]
    for row in rows:
        writer.writerow([services.neutralise(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="network-{net.network.municipality.slug}-{year}.csv"'
    )
    return response


@login_required
@require_safe
def state_overview(request: HttpRequest, state: str) -> HttpResponse:
    found = State.objects.filter(slug=state).first()
    if found is None or found.pk not in states_coordinated_by(request.user):
        raise Http404
    return render(
        request,
        "network/state_overview.html",
        {"state": found, "rows": services.state_overview([found.pk])},
    )
