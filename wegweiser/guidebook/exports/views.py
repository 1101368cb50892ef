"""Downloads of the guidebook: PDF (public and internal), HSDS JSON, vCards."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wegweiser.accounts.access import get_municipality_for_user
from wegweiser.accounts.models import ReadKind
from wegweiser.accounts.reads import record_read
from wegweiser.core.i18n import current_language
from wegweiser.core.selectors import public_municipality
from wegweiser.guidebook.fingerprint import guidebook_fingerprint

from . import documents, hsds, vcard
from .models import PdfVersion
from .serializers import organization_of_guidebook

HSDS_CACHE_SECONDS = 7 * 24 * 3600
REFRESH_SECONDS = 5


def _download(content: bytes | str, content_type: str, filename: str, *, inline=False):
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _stored_pdf(request: HttpRequest, municipality, version: str, filename: str, title: str):
    """The stored PDF, or (202) a page that says it is being prepared and reloads itself."""
    row = documents.request_pdf(municipality, version, current_language())
    if request.headers.get("HX-Request"):  # the poll of the "being prepared" page
        if row is None:
            return HttpResponse(status=204, headers={"Cache-Control": "no-store"})
        return HttpResponse(headers={"HX-Redirect": request.get_full_path()})
    if row is not None:
        if version != PdfVersion.PUBLIC and row.rendered_at:
            stamp = timezone.localtime(row.rendered_at).strftime("%Y%m%d-%H%M")
            filename = filename.replace(".pdf", f"-{stamp}.pdf")
        return FileResponse(
            documents.open_pdf(row),
            content_type="application/pdf",
            filename=filename,
            as_attachment=version != PdfVersion.PUBLIC,
        )
    context = {"municipality": municipality, "title": title, "refresh_seconds": REFRESH_SECONDS}
    response = render(request, "guidebook/exports/pdf_preparing.html", context, status=202)
    response["Retry-After"] = str(REFRESH_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def guidebook_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The public guidebook as PDF, from storage (typeset by a task when the guidebook changed)."""
    municipality = public_municipality(slug)
    return _stored_pdf(
        request,
        municipality,
        PdfVersion.PUBLIC,
        f"wegweiser-{slug}.pdf",
        _("Guidebook of %(municipality)s") % {"municipality": municipality.name},
    )


@login_required
@require_safe
def guidebook_internal_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The network's guidebook as PDF: members only (checked before anything is read or queued)."""
    municipality, _access = get_municipality_for_user(request, slug)
    response = _stored_pdf(
        request,
        municipality,
        PdfVersion.INTERNAL,
        f"wegweiser-{slug}-intern.pdf",
        _("Internal guidebook of %(municipality)s") % {"municipality": municipality.name},
    )
    if response.get("Content-Type", "").startswith("application/pdf"):
        # Only a delivered file counts as a read (not the "being prepared" page).
        record_read(request, municipality, ReadKind.PDF, current_language())
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
        cache.set(key, body, HSDS_CACHE_SECONDS)
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
    record_read(request, municipality, ReadKind.CONTACT, person)
    response["Cache-Control"] = "no-store"
    return response
