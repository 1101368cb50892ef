"""Minutes of a meeting (write, circulate, approve) and the decisions recorded in them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.accounts.models import ReadKind
from wegweiser.accounts.reads import record_read
from wegweiser.core.pdf import render_pdf

from .. import services
from ..access import get_meeting_for_user, refuse_if_minutes_locked
from ..forms import DecisionForm, MinutesCommentForm, MinutesForm
from ..models import MinutesStatus, minutes_sections
from .pages import form_page


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    minutes = services.minutes_for(item)
    if minutes.is_locked:
        raise PermissionDenied
    initial_text = minutes.text
    if not initial_text:
        # A first draft follows the agenda.
        lines = [f"{i}. {a.title}" for i, a in enumerate(item.agenda_items.all(), start=1)]
        initial_text = "\n\n".join(lines)
    form = MinutesForm(request.POST or None, initial={"text": initial_text})
    if request.method == "POST" and form.is_valid():
        services.save_minutes(item, form.cleaned_data["text"])
        messages.success(request, _("The minutes were saved."))
        return redirect(item.get_absolute_url() + "#minutes")
    return form_page(request, "network/minutes_form.html", net, form, meeting=item, minutes=minutes)


@login_required
@require_POST
def minutes_transition(
    request: AuthenticatedHttpRequest, slug: str, meeting: str, action: str
) -> HttpResponse:
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
    return redirect(item.get_absolute_url() + "#minutes")


@login_required
@require_POST
def decision_add(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    refuse_if_minutes_locked(item)
    form = DecisionForm(request.POST, prefix="decision")
    if form.is_valid():
        services.add_decision(item, form.cleaned_data["text"])
        messages.success(request, _("The decision was recorded."))
    else:
        messages.error(request, _("Please write the decision."))
    return redirect(item.get_absolute_url() + "#decisions")


def _may_comment(item, request: AuthenticatedHttpRequest, can_write: bool) -> bool:
    """The invited (participants) and the minutes' writers."""
    return can_write or item.participants.filter(user=request.user).exists()


@login_required
@require_POST
def minutes_comment(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, can_write = get_meeting_for_user(request, slug, meeting)
    if not _may_comment(item, request, can_write):
        raise PermissionDenied
    form = MinutesCommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write a comment."))
        return redirect(item.get_absolute_url() + "#minutes")
    try:
        comment = services.add_minutes_comment(
            item, form.cleaned_data["section"], form.cleaned_data["text"], request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item.get_absolute_url() + "#minutes")
    messages.success(request, _("Your comment was saved."))
    return redirect(item.get_absolute_url() + f"#minutes-section-{comment.section}")


def record_minutes_read(request: AuthenticatedHttpRequest, meeting) -> None:
    """Minutes of a case conference are internal data whose reads are logged (accounts/reads.py)."""
    minutes = getattr(meeting, "minutes", None)
    if meeting.is_case_conference and minutes is not None and minutes.text:
        record_read(request, meeting.network.municipality, ReadKind.MINUTES, meeting.pk)


def _approved_minutes(request: AuthenticatedHttpRequest, slug: str, meeting: str):
    item, net, _can_write = get_meeting_for_user(request, slug, meeting)
    minutes = getattr(item, "minutes", None)
    if minutes is None or minutes.status != MinutesStatus.APPROVED:
        raise Http404
    record_minutes_read(request, item)
    return {
        "net": net,
        "network": net.network,
        "meeting": item,
        "minutes": minutes,
        "sections": minutes_sections(minutes.text),
        "decisions": list(item.decisions.all()),
        "actions": list(item.action_items.select_related("owner_organization", "owner_user")),
        "attended": list(
            item.participants.filter(attended=True)
            .select_related("user", "organization")
            .order_by("user__name")
        ),
    }


@login_required
@require_safe
def minutes_print(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    """Approved minutes laid out for the printer."""
    return render(request, "network/minutes_print.html", _approved_minutes(request, slug, meeting))


@login_required
@require_safe
def minutes_pdf(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    context = _approved_minutes(request, slug, meeting)
    pdf = render_pdf("network/minutes_pdf.html", context, request)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"minutes-{context['meeting'].starts_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
