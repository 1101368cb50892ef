"""Who may see and change an action plan, built on the network's access helpers.

- Members, counsellors and coordinators of the municipality read the internal plan.
- Coordinators edit, draft, adopt and review.
- State coordinators see the plans of their state side by side (public parts and progress, no
  internal notes) on the state page, not the internal plan of a municipality.
- The public sees only the adopted version's public part on the municipality page.
Foreign or unknown objects answer 404; read-only access to a write action answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from wegweiser.network.access import NetworkAccess, get_network_for_user

from .models import ActionPlan, Measure, PlanVersion, Review


@dataclass(frozen=True)
class PlanAccess:
    net: NetworkAccess
    plan: ActionPlan | None

    @property
    def network(self):
        return self.net.network

    @property
    def municipality(self):
        return self.net.network.municipality

    @property
    def can_write(self) -> bool:
        return self.net.can_write


def get_plan_for_user(
    request: HttpRequest, slug: str, *, write: bool = False, require_plan: bool = True
) -> PlanAccess:
    """The network's plan for a member (404 for outsiders and state coordinators)."""
    net = get_network_for_user(request, slug, members_only=True)
    if write and not net.can_write:
        raise PermissionDenied
    plan = ActionPlan.objects.filter(network=net.network).first()
    if plan is None and require_plan:
        raise Http404
    return PlanAccess(net, plan)


def get_measure_for_user(
    request: HttpRequest, slug: str, measure_id, *, write: bool = False
) -> tuple[Measure, PlanAccess]:
    access = get_plan_for_user(request, slug, write=write)
    measure = (
        Measure.objects.filter(plan=access.plan, pk=measure_id)
        .select_related("plan__network__municipality")
        .first()
    )
    if measure is None:
        raise Http404
    return measure, access


def get_version_for_user(
    request: HttpRequest, slug: str, number: int
) -> tuple[PlanVersion, PlanAccess]:
    access = get_plan_for_user(request, slug)
    version = PlanVersion.objects.filter(plan=access.plan, number=number).first()
    if version is None:
        raise Http404
    return version, access


def get_review_for_user(request: HttpRequest, slug: str, review_id) -> tuple[Review, PlanAccess]:
    access = get_plan_for_user(request, slug)
    review = Review.objects.filter(plan=access.plan, pk=review_id).first()
    if review is None:
        raise Http404
    return review, access
