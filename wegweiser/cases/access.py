"""Who may see what of a case. Pages, API, exports and statistics ask these helpers only.

- A case is seen by the counsellors of its organisation: active memberships with the role
  counsellor and that organisation. Nobody else — not coordinators, members, state coordinators or
  platform administrators — sees anything of it; unknown and foreign cases answer 404.
- The receiving organisation of a referral sees exactly the shared part (on the referral's own
  page) while the referral is proposed or accepted; after decline, done or withdrawal it is gone.
- A case-conference brief is seen by the owning counsellors and the participants of its meeting.
- The audit log is for the organisation's lead counsellors (CaseOffice.leads; without named leads,
  every counsellor of the organisation).
- Statistics: counsellors for their organisations; state coordinators only suppressed aggregates
  of their state.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.http import Http404, HttpRequest

from wegweiser.accounts.access import active_memberships, states_coordinated_by
from wegweiser.accounts.models import Role

from .choices import OPEN_REFERRAL
from .models import Brief, Case, CaseOffice, Referral

_Row = TypeVar("_Row", bound=Model)


def counselling_organizations(user) -> set:
    """Primary keys of the organisations in which the user is an active counsellor."""
    return {
        m.organization_id
        for m in active_memberships(user)
        if m.role == Role.COUNSELLOR and m.organization_id is not None
    }


def is_counsellor(user) -> bool:
    return bool(counselling_organizations(user))


def cases_visible_to(user) -> QuerySet[Case]:
    """The cases whose full record the user may open (never purged ones)."""
    organizations = counselling_organizations(user)
    if not organizations:
        return Case.objects.none()
    return Case.objects.filter(organization_id__in=organizations, purged_at__isnull=True)


def _require_user(request: HttpRequest):
    user = request.user
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        raise Http404
    return user


def _one_or_404(visible: QuerySet[_Row], pk) -> _Row:
    """The row with this key among those the user may see; 404 for unknown and foreign ones alike."""
    row = visible.filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


def get_case_for_user(request: HttpRequest, case_id) -> Case:
    """The case, or 404 for anyone who is not a counsellor of its organisation."""
    user = _require_user(request)
    return _one_or_404(
        cases_visible_to(user).select_related("organization", "municipality"), case_id
    )


def incoming_referrals_for(user) -> QuerySet[Referral]:
    """Open referrals to the user's counselling organisations."""
    organizations = counselling_organizations(user)
    if not organizations:
        return Referral.objects.none()
    return Referral.objects.filter(
        to_organization_id__in=organizations,
        status__in=OPEN_REFERRAL,
        case__purged_at__isnull=True,
    )


def get_incoming_referral_for_user(request: HttpRequest, referral_id) -> Referral:
    user = _require_user(request)
    return _one_or_404(
        incoming_referrals_for(user).select_related("case__organization", "to_organization"),
        referral_id,
    )


def briefs_visible_to(user) -> QuerySet[Brief]:
    """Briefs of the user's own cases, and briefs of case conferences the user takes part in."""
    from wegweiser.network.models import Participant

    organizations = counselling_organizations(user)
    takes_part = Exists(
        Participant.objects.filter(meeting_id=OuterRef("meeting_id"), user_id=user.pk)
    )
    own = Brief.objects.filter(case__organization_id__in=organizations)
    shared = Brief.objects.filter(meeting__isnull=False).filter(takes_part)
    return (own | shared).filter(case__purged_at__isnull=True).distinct()


def get_brief_for_user(request: HttpRequest, brief_id) -> tuple[Brief, bool]:
    """(brief, is_owner): owners may open the case; participants see only the brief."""
    user = _require_user(request)
    brief = _one_or_404(
        briefs_visible_to(user).select_related(
            "case__organization", "meeting__network__municipality"
        ),
        brief_id,
    )
    return brief, brief.case.organization_id in counselling_organizations(user)


def is_lead(user, organization) -> bool:
    if organization.pk not in counselling_organizations(user):
        return False
    office = CaseOffice.objects.filter(organization=organization).first()
    if office is None or not office.leads.exists():
        return True
    return office.leads.filter(pk=user.pk).exists()


def statistics_scope(user) -> tuple[set, set[int]]:
    """(organisation ids, state ids) whose statistics the user may see."""
    return counselling_organizations(user), states_coordinated_by(user)
