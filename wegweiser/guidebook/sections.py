"""Sections the guidebook contributes to core pages (municipality page, dashboard)."""

from __future__ import annotations

from django.db.models import Q

from wegweiser.accounts.access import active_memberships, organizations_of
from wegweiser.accounts.models import Role
from wegweiser.core.registry import (
    Section,
    register_dashboard_section,
    register_municipality_section,
)

from .models import ConfirmationRequest, Organization, OrganizationStatus, PendingChange
from .selectors import ordered
from .services import stale_organizations


def municipality_section(request, municipality):
    organizations = list(
        ordered(
            Organization.objects.published().serving(municipality).select_related("actor_type")
        ).only("id", "name", "phone", "actor_type__counselling", "actor_type__order")
    )
    if not organizations:
        return None
    counselling = [org for org in organizations if org.actor_type.counselling]
    return {
        "municipality": municipality,
        "count": len(organizations),
        "counselling": counselling,
    }


def dashboard_section(request, user):
    coordinated = []
    own = []
    seen = set()
    for membership in active_memberships(user):
        municipality = membership.municipality
        if municipality is None or municipality.pk in seen:
            continue
        seen.add(municipality.pk)
        if membership.role == Role.COORDINATOR:
            serving = Organization.objects.serving(municipality).current()
            coordinated.append(
                {
                    "municipality": municipality,
                    "in_review": serving.filter(
                        Q(status=OrganizationStatus.IN_REVIEW)
                        | Q(pending_changes__state=PendingChange.State.OPEN)
                    )
                    .distinct()
                    .count(),
                    "stale": len(stale_organizations(municipality)),
                    "proposals": ConfirmationRequest.objects.filter(
                        organization__in=serving,
                        used_at__isnull=False,
                        reviewed_at__isnull=True,
                        outcome=ConfirmationRequest.Outcome.CORRECTIONS,
                    )
                    .distinct()
                    .count(),
                }
            )
        org_ids = organizations_of(user, municipality)
        for organization in Organization.objects.filter(
            Q(pk__in=org_ids) & Q(archived_at__isnull=True)
        ):
            own.append({"municipality": municipality, "organization": organization})
    if not coordinated and not own:
        return None
    return {"coordinated": coordinated, "own": own}


def register_sections() -> None:
    register_municipality_section(
        Section(
            key="guidebook",
            template="guidebook/sections/municipality.html",
            provider=municipality_section,
            # After the navigator's help section: call buttons come first for workers.
            order=12,
        )
    )
    register_dashboard_section(
        Section(
            key="guidebook",
            template="guidebook/sections/dashboard.html",
            provider=dashboard_section,
            order=10,
        )
    )
