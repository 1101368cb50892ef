"""Download links on the municipality page and the dashboard (core/registry.py)."""

from __future__ import annotations

from wegweiser.accounts.access import municipalities_with_access
from wegweiser.guidebook.access import may_see_internal
from wegweiser.guidebook.selectors import published_organizations


def municipality_downloads(request, municipality):
    if not published_organizations(municipality).exists():
        return None
    return {
        "municipality": municipality,
        "internal": may_see_internal(request.user, municipality),
    }


def dashboard_downloads(request, user):
    municipalities = list(municipalities_with_access(user).order_by("name")[:20])
    if not municipalities:
        return None
    return {"municipalities": municipalities}
