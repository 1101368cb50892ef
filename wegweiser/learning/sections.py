"""What the course module shows on the network's pages (through `core/registry.py`).

The network must not import learning (it is a layer below): it renders these sections in its
slots "report" (the annual report: courses completed in the year) and "roadmap_step" (the Workshop I
step links to the Workshop I kit). Only coordinators and state coordinators see them, the people
who may open the figures and the kit themselves.
"""

from __future__ import annotations

from django.urls import reverse

from wegweiser.accounts.access import MunicipalityAccess, roles_in
from wegweiser.core.registry import ReportScope, StepScope

from . import selectors
from .access import may_manage_learning

WORKSHOP_STEP = "workshop_1"  # the key of the network roadmap's Workshop I step


def _may_manage(request, municipality) -> bool:
    if municipality is None or not request.user.is_authenticated:
        return False
    return may_manage_learning(
        MunicipalityAccess(municipality, roles_in(request.user, municipality))
    )


def report_courses(request, scope: ReportScope) -> dict | None:
    """Courses completed in the report's year, per organisation (counts only)."""
    if not _may_manage(request, scope.municipality):
        return None
    return selectors.completion_table(scope.municipality, year=scope.year)


def workshop_kit_link(request, scope: StepScope) -> dict | None:
    """On the Workshop I step: the link to the kit (programme, handouts, slides)."""
    if scope.step != WORKSHOP_STEP or not _may_manage(request, scope.municipality):
        return None
    return {"url": reverse("learning:workshop", kwargs={"slug": scope.municipality.slug})}
