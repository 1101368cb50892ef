"""Contribution of the plans app to the public municipality page: the adopted plan's public part."""

from __future__ import annotations

from . import selectors, sources
from .models import ActionPlan, MeasureLink


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


def dashboard_section(request, user) -> dict | None:
    """Where the user's action plans stand: one line per municipality with a network, and the
    side-by-side page for state coordinators."""
    from wegweiser.accounts.access import active_memberships

    memberships = active_memberships(user)
    states = {m.state for m in memberships if m.role == "state_coordinator" and m.state_id}
    municipalities = {m.municipality_id: m.municipality for m in memberships if m.municipality}
    coordinated = {
        m.municipality_id for m in memberships if m.role == "coordinator" and m.municipality_id
    }
    plans = {
        plan.network.municipality_id: plan
        for plan in ActionPlan.objects.filter(
            network__municipality__in=list(municipalities)
        ).select_related("network")
    }
    networks = set(
        sources.networks_of(list(municipalities)).values_list("municipality_id", flat=True)
    )
    rows = [
        {
            "municipality": municipality,
            "plan": plans.get(pk),
            "version": selectors.latest_version(plans.get(pk)),
            "is_coordinator": pk in coordinated,
        }
        for pk, municipality in sorted(municipalities.items(), key=lambda kv: kv[1].name)
        if pk in networks
    ]
    if not rows and not states:
        return None
    return {"rows": rows, "states": sorted(states, key=lambda s: s.name)}


def task_measure(request, action_item) -> dict | None:
    """For network pages (wired by the network app through a registry hook): the measure a task
    belongs to, with a link to it. The reader already sees the task, so she may see its measure
    (members read the internal plan). One query per network and request, however many tasks."""
    link = _measure_links(request, action_item.network_id).get(action_item.pk)
    municipality = link.measure.plan.network.municipality if link else None
    if link is None or municipality is None:
        return None
    return {"measure": link.measure, "slug": municipality.slug}


def _measure_links(request, network_id) -> dict:
    """action item pk -> its link to an accepted measure, read once per network and request."""
    cache = getattr(request, "_plans_measure_links", None)
    if cache is None:
        cache = {}
        if request is not None:  # without a request (a command, a test) nothing is kept
            setattr(request, "_plans_measure_links", cache)  # noqa: B010
    if network_id not in cache:
        links = MeasureLink.objects.filter(
            action_item__network_id=network_id, measure__proposed=False
        ).select_related("measure__plan__network__municipality")
        cache[network_id] = {link.action_item_id: link for link in links}
    return cache[network_id]
