"""Calendar files: one meeting as .ics, the personal subscription address and its feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest

from .. import services
from ..access import get_meeting_for_user
from ..models import CalendarFeed
from ..selectors import feed_meetings


def _ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def meeting_ics(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting)
    return _ics_response(services.calendar_bytes([item], item.title), f"meeting-{item.id}.ics")


@login_required
@require_safe
def calendar_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    feed = CalendarFeed.objects.filter(user=request.user).first()
    url = (
        request.build_absolute_uri(reverse("network:feed", kwargs={"token": feed.token}))
        if feed
        else None
    )
    return render(request, "network/calendar.html", {"feed_url": url})


@login_required
@require_POST
def calendar_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    existed = CalendarFeed.objects.filter(user=request.user).exists()
    services.feed_for(request.user, reset=True)
    if existed:
        messages.success(request, _("A new address was created. The old one no longer works."))
    else:
        messages.success(request, _("Your calendar address was created."))
    return redirect("network:calendar")


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscription feed: the secret token in the address is the only credential."""
    subscription = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if subscription is None:
        raise Http404
    meetings_list = feed_meetings(subscription.user)
    return _ics_response(
        services.calendar_bytes(meetings_list, "Wegweiser", feed=True), "wegweiser.ics"
    )
