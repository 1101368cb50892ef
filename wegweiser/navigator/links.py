"""Links into the guidebook, in the language the result is shown in."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import get_language, override


def guidebook_entry_url(
    municipality_slug: str, organization_id, language: str | None = None
) -> str:
    """The guidebook page of one organisation in a municipality's guidebook."""
    language = (language or get_language() or "de").split("-")[0]
    with override(language):
        return reverse(
            "guidebook:detail", kwargs={"slug": municipality_slug, "pk": organization_id}
        )
