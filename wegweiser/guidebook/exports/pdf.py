"""The guidebook as a typeset PDF (formal and internal version), rendered with WeasyPrint.

The formal PDF is cached until the guidebook changes: the key holds the municipality, the language
and the guidebook's fingerprint. The internal PDF is rendered for every download, because each copy
names the person who downloaded it and when; internal content never sits in a shared cache.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language_info, gettext_lazy, override
from django.utils.translation import gettext as _

from wegweiser.core.i18n import current_language
from wegweiser.core.links import absolute_reverse
from wegweiser.core.pdf import render_pdf
from wegweiser.core.qr import qr_svg
from wegweiser.guidebook.fingerprint import guidebook_fingerprint
from wegweiser.guidebook.models import MandateKind, Need, NeedRole, localized

from .serializers import KIND_ORDER, formal_guidebook, informal_guidebook, mandate_text

TEMPLATE = "guidebook/exports/guidebook_pdf.html"

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
                                "label": localized(needs[link["key"]].label, language)
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


def _render(municipality, guidebook: dict[str, Any], *, internal: bool, user=None) -> bytes:
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
    return render_pdf(TEMPLATE, context)


def formal_pdf_cache_key(municipality) -> str:
    language = current_language()
    return (
        f"guidebook-exports:pdf:{municipality.pk}:formal:{language}:"
        f"{guidebook_fingerprint(municipality)}"
    )


def formal_pdf(municipality) -> bytes:
    """The public guidebook PDF, cached until the guidebook changes."""
    key = formal_pdf_cache_key(municipality)
    pdf = cache.get(key)
    if pdf is None:
        pdf = _render(municipality, formal_guidebook(municipality), internal=False)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def internal_pdf(municipality, user) -> bytes:
    """The network's guidebook PDF, stamped with the downloading user and the time."""
    guidebook = informal_guidebook(municipality, user)
    assert guidebook["version"] == "informal"
    return _render(municipality, guidebook, internal=True, user=user)
