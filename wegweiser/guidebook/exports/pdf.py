"""The guidebook as a typeset PDF (formal and internal version), rendered with Typst.

The layout is templates/guidebook/exports/guidebook.typ, its data typeset.py (Typst takes seconds
for 150 actors where WeasyPrint took minutes: README, Performance).

Typesetting takes seconds, so no request calls these functions: the task in tasks.py renders both
versions ahead (documents.py) into storage (MEDIA_ROOT, outside the web root), and the views serve
the stored file — the internal one only after the permission check.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy, override
from django.utils.translation import gettext as _

from wegweiser.core.i18n import current_language
from wegweiser.core.links import absolute_reverse
from wegweiser.core.qr import qr_svg
from wegweiser.core.typeset import typeset
from wegweiser.guidebook.models import MandateKind, Need, NeedRole, localized
from wegweiser.guidebook.presentation import need_label

from .serializers import (
    KIND_ORDER,
    formal_guidebook,
    informal_guidebook,
    mandate_text,
    network_guidebook,
)
from .typeset import TEMPLATE, guidebook_data

# Headings of the PDF's mandate sections (worker-facing wording, translated in this app).
KIND_HEADINGS = {
    MandateKind.CAN: gettext_lazy("What it can do"),
    MandateKind.CANNOT: gettext_lazy("What it cannot do"),
    MandateKind.WHEN_TO_INVOLVE: gettext_lazy("When to involve it"),
    MandateKind.LEGAL_BASIS: gettext_lazy("Legal basis"),
    MandateKind.DATA_DUTY: gettext_lazy("What happens to the person's data"),
}
ROLE_LABELS = {
    NeedRole.ACTS: gettext_lazy("acts"),
    NeedRole.ADVISES: gettext_lazy("advises"),
    NeedRole.MUST_BE_INFORMED: gettext_lazy("must be informed"),
    NeedRole.CAUTION: gettext_lazy("caution"),
}
CACHE_SECONDS = 7 * 24 * 3600


def online_url(municipality, language: str) -> str:
    """Address of the guidebook's online version (the page the QR code leads to)."""
    with override(language):
        return absolute_reverse("guidebook:overview", slug=municipality.slug)


def _parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def _present(guidebook: dict[str, Any], language: str) -> list[dict[str, Any]]:
    """Localised view of the serialized guidebook for the template."""
    kind_labels = {kind.value: str(label) for kind, label in KIND_HEADINGS.items()}
    role_labels = {role.value: str(label) for role, label in ROLE_LABELS.items()}
    needs = {need.key: need for need in Need.objects.all()}
    organizations = []
    for organization in guidebook["organizations"]:
        groups = []
        for kind in KIND_ORDER:
            items = []
            for item in organization["mandate"]:
                if item["kind"] != kind.value:
                    continue
                text, translated = mandate_text(item, language)
                items.append(
                    {
                        "text": text,
                        "original": not translated and language != "de",
                        # A dash or nothing is no legal reference.
                        "source": item["source"].strip(" -–—"),
                        "as_of": _parse_date(item["as_of"]),
                        "needs": [
                            {
                                "label": need_label(needs[link["key"]], language)
                                if link["key"] in needs
                                else link["key"],
                                "role": role_labels.get(link["role"], link["role"]),
                            }
                            for link in item["needs"]
                        ],
                    }
                )
            if items:
                groups.append(
                    {"kind": kind.value, "label": kind_labels[kind.value], "items": items}
                )
        organizations.append(
            {
                **organization,
                "anchor": f"org-{organization['id']}",
                "type_label": localized(organization["actor_type"]["name"], language),
                "language_names": [language_name(code) for code in organization["languages"]],
                "groups": groups,
                "confirmed": _parse_date(organization["last_confirmed_at"]),
            }
        )
    return organizations


def pdf_context(municipality, guidebook: dict[str, Any], *, internal: bool, user=None) -> dict:
    """What the PDF shows (shared with the typesetting benchmark in bench/typeset.py)."""
    language = current_language()
    url = online_url(municipality, language)
    context = {
        "municipality": municipality,
        "guidebook": guidebook,
        "organizations": _present(guidebook, language),
        "as_of": _parse_date(guidebook["as_of"]),
        "internal": internal,
        "generated_at": timezone.localtime(),
        "downloaded_by": (user.get_full_name() if hasattr(user, "get_full_name") else "")
        or getattr(user, "email", ""),
        "online_url": url,
        "qr_svg": qr_svg(url),
        "title": _("Guidebook of %(municipality)s") % {"municipality": municipality.name},
    }
    return context


def _render(municipality, guidebook: dict[str, Any], *, internal: bool, user=None) -> bytes:
    context = pdf_context(municipality, guidebook, internal=internal, user=user)
    return typeset(TEMPLATE, guidebook_data(context), created=context["generated_at"])


def formal_pdf(municipality) -> bytes:
    """Typeset the public guidebook PDF now (called by the task in tasks.py, never by a view)."""
    return _render(municipality, formal_guidebook(municipality), internal=False)


def internal_pdf(municipality, user=None) -> bytes:
    """Typeset the network's guidebook PDF now (task; served only after the permission check).

    Rendered once per state of the guidebook for all members, so it names no downloader; with a
    user (a direct call), the user's view and name are used.
    """
    if user is None:
        guidebook = network_guidebook(municipality)
    else:
        guidebook = informal_guidebook(municipality, user)
        assert guidebook["version"] == "informal"
    return _render(municipality, guidebook, internal=True, user=user)
