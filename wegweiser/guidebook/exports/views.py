"""Downloads of the guidebook: PDF (public and internal), HSDS JSON, vCards."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from wegweiser.accounts.access import get_municipality_for_user
from wegweiser.core.selectors import public_municipality
from wegweiser.guidebook.fingerprint import guidebook_fingerprint

from . import hsds, pdf, vcard
from .serializers import organization_of_guidebook


def _download(content: bytes | str, content_type: str, filename: str, *, inline=False):
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def guidebook_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The public guidebook as PDF (cached until the guidebook changes)."""
    municipality = public_municipality(slug)
    return _download(
        pdf.formal_pdf(municipality), "application/pdf", f"wegweiser-{slug}.pdf", inline=True
    )


@login_required
@require_safe
def guidebook_internal_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The network's guidebook as PDF: members only, stamped with the downloader."""
    municipality, _access = get_municipality_for_user(request, slug)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = _download(
        pdf.internal_pdf(municipality, request.user),
        "application/pdf",
        f"wegweiser-{slug}-intern-{stamp}.pdf",
    )
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def guidebook_hsds(request: HttpRequest, slug: str) -> HttpResponse:
    """The formal guidebook as Open Referral HSDS 3.0 JSON (with the Wegweiser profile)."""
    municipality = public_municipality(slug)
    key = f"guidebook-exports:hsds:{municipality.pk}:{guidebook_fingerprint(municipality)}"
    body = cache.get(key)
    if body is None:
        body = json.dumps(
            hsds.export_document(municipality), ensure_ascii=False, separators=(",", ":")
        )
        cache.set(key, body, pdf.CACHE_SECONDS)
    response = _download(
        body, "application/json; charset=utf-8", f"wegweiser-{slug}-hsds.json", inline=True
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def organization_vcard(request: HttpRequest, slug: str, organization: str) -> HttpResponse:
    """The institutional contact of a published organisation as vCard (public data)."""
    municipality = public_municipality(slug)
    data = organization_of_guidebook(municipality, organization)
    if data is None:
        raise Http404
    return _download(
        vcard.organization_vcard(data), "text/vcard; charset=utf-8", f"{organization}.vcf"
    )


@login_required
@require_safe
def person_vcard(request: HttpRequest, slug: str, organization: str, person: str) -> HttpResponse:
    """A consented contact person as vCard: members of the municipality's network only."""
    municipality, _access = get_municipality_for_user(request, slug)
    data = organization_of_guidebook(municipality, organization, request.user)
    if data is None:
        raise Http404
    match = next((p for p in data.get("contact_persons", []) if p["id"] == str(person)), None)
    if match is None:
        raise Http404
    response = _download(
        vcard.person_vcard(match, data), "text/vcard; charset=utf-8", f"{person}.vcf"
    )
    response["Cache-Control"] = "no-store"
    return response
