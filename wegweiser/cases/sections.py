"""The cases block on the dashboard: counsellors see counts and links, state coordinators the
link to their state's suppressed statistics. Never any case content."""

from __future__ import annotations

from django.utils import timezone

from .access import briefs_visible_to, cases_visible_to, incoming_referrals_for, statistics_scope
from .choices import CaseStatus


def dashboard_section(request, user) -> dict | None:
    from .views.stats import scopes_for

    organizations, states = statistics_scope(user)
    # Briefs of upcoming case conferences the user takes part in (any role: participants see briefs).
    briefs = list(
        briefs_visible_to(user)
        .filter(meeting__ends_at__gte=timezone.now(), meeting__cancelled_at__isnull=True)
        .select_related("meeting")
        .order_by("meeting__starts_at")[:10]
    )
    if not organizations and not states and not briefs:
        return None
    cases = cases_visible_to(user)
    today = timezone.localdate()
    return {
        "briefs": briefs,
        "is_counsellor": bool(organizations),
        "open_cases": cases.filter(status=CaseStatus.OPEN).count(),
        "incoming": incoming_referrals_for(user).count(),
        "tasks_due": cases.filter(tasks__done_at__isnull=True, tasks__due_on__lte=today)
        .distinct()
        .count(),
        "scopes": scopes_for(user),
        "year": today.year,
    }


def meeting_briefs(request, meeting) -> dict | None:
    """For network's case-conference page: the briefs its participants may read (never the case)."""
    from wegweiser.network.models import MeetingKind

    from .services import brief_for_meeting

    if meeting.kind != MeetingKind.CASE_CONFERENCE:
        return None  # only case conferences have briefs; other meetings cost no query
    briefs = brief_for_meeting(meeting, request.user)
    return {"briefs": briefs} if briefs else None
