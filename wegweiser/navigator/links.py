"""Links into the guidebook, in the language the result is shown in."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import override

from wegweiser.core.i18n import current_language


def guidebook_entry_url(
    municipality_slug: str, organization_id, language: str | None = None
) -> str:
    """The guidebook page of one organisation in a municipality's guidebook."""
    language = current_language(language)
    with override(language):
        return reverse(
            "guidebook:detail", kwargs={"slug": municipality_slug, "pk": organization_id}
        )
