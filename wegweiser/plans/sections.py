"""Contribution of the plans app to the public municipality page: the adopted plan's public part."""

from __future__ import annotations

from . import selectors, sources
from .models import ActionPlan


def public_section(request, municipality) -> dict | None:
    """Only the latest adopted version, only its public measures, never internal notes or drafts."""
    network = sources.network_of_municipality(municipality)
    if network is None:
        return None
    plan = ActionPlan.objects.filter(network=network).first()
    version = selectors.latest_version(plan)
    if version is None:
        return None
    return {"version": version, "content": selectors.public_content(version)}
