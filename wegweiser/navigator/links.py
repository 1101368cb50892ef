"""Links into other apps, built in one place (their URL names may not exist on every branch)."""

from __future__ import annotations

from django.utils.translation import get_language


def guidebook_entry_url(
    municipality_slug: str, organization_id, language: str | None = None
) -> str:
    """The guidebook page of one organisation in a municipality's guidebook."""
    language = (language or get_language() or "de").split("-")[0]
    return f"/{language}/m/{municipality_slug}/guidebook/{organization_id}/"
