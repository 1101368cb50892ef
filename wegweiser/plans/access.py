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

from wegweiser.core.models import Municipality
from wegweiser.network.access import NetworkAccess, get_network_for_user
from wegweiser.network.models import Network

from .models import ActionPlan, Measure, PlanVersion, Review


@dataclass(frozen=True)
class NetworkPlanAccess:
    """A member's view of a municipal network's plan, which may not exist yet."""

    net: NetworkAccess
    plan: ActionPlan | None

    @property
    def network(self) -> Network:
        return self.net.network

    @property
    def municipality(self) -> Municipality:
        # Reached through get_network_for_user, i.e. always a municipal network.
        municipality = self.net.network.municipality
        assert municipality is not None
        return municipality

    @property
    def can_write(self) -> bool:
        return self.net.can_write


@dataclass(frozen=True)
class PlanAccess(NetworkPlanAccess):
    """The same, once the plan exists."""

    plan: ActionPlan


def get_network_plan_for_user(
    request: HttpRequest, slug: str, *, write: bool = False
) -> NetworkPlanAccess:
    """The network and its plan, if any, for a member (404 for outsiders and state coordinators,
    403 for readers on write actions)."""
    net = get_network_for_user(request, slug, members_only=True)
    if write and not net.can_write:
        raise PermissionDenied
    return NetworkPlanAccess(net, ActionPlan.objects.filter(network=net.network).first())


def get_plan_for_user(request: HttpRequest, slug: str, *, write: bool = False) -> PlanAccess:
    """The network's plan; 404 when the network has none."""
    found = get_network_plan_for_user(request, slug, write=write)
    if found.plan is None:
        raise Http404
    return PlanAccess(found.net, found.plan)


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
