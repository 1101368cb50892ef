"""Public "Know your rights" pages for workers: the page, its Leichte Sprache version, the printable
leaflet with a QR code and the service worker that keeps the page readable offline."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_safe

from wegweiser.core import offline
from wegweiser.core.i18n import current_language
from wegweiser.core.links import absolute_url
from wegweiser.core.models import Municipality
from wegweiser.core.qr import qr_svg
from wegweiser.core.selectors import public_municipality
from wegweiser.guidebook.fingerprint import guidebook_fingerprint
from wegweiser.guidebook.models import Organization
from wegweiser.worktime import wages
from wegweiser.worktime.services import counselling_services

from .. import rights as content

# Besides the shared ones of wegweiser.core.offline.
OFFLINE_ASSETS = ["learning/learning.css"]


def non_state(services: list[dict]) -> list[dict]:
    """Only services of non-state organisations: a worker page never sends anyone to a public body
    (DESIGN §6b'), even if a counselling actor type were ever marked as one."""
    if not services:
        return services
    allowed = {
        str(pk)
        for pk in Organization.objects.filter(
            pk__in=[service["id"] for service in services], actor_type__public_body=False
        ).values_list("pk", flat=True)
    }
    return [service for service in services if service["id"] in allowed]


def _context(municipality: Municipality) -> dict:
    language = current_language()
    services = non_state(counselling_services(municipality=municipality, language=language))
    return {
        "municipality": municipality,
        "sections": content.sections(),
        "services": services,
        "fallback": [] if services else content.NATIONWIDE_FALLBACK,
        "as_of": content.AS_OF,
        "worktime_url": reverse("worktime:app") + f"?m={municipality.slug}",
        "sw_url": reverse("learning:rights_sw", kwargs={"slug": municipality.slug}),
        "scope": reverse("learning:rights", kwargs={"slug": municipality.slug}),
    }


@require_safe
def rights(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = public_municipality(slug)
    response = render(request, "learning/rights.html", _context(municipality))
    return offline.allow_offline_copy(request, response)


@require_safe
def rights_easy(request: HttpRequest, slug: str) -> HttpResponse:
    """Leichte Sprache exists in German only: other language prefixes lead to the German page."""
    municipality = public_municipality(slug)
    if current_language() != "de":
        with override("de"):
            return redirect(reverse("learning:rights_easy", kwargs={"slug": slug}))
    context = _context(municipality)
    context["wage"] = content.wage_facts()
    response = render(request, "learning/rights_easy.html", context)
    return offline.allow_offline_copy(request, response)


@require_safe
def leaflet(request: HttpRequest, slug: str) -> HttpResponse:
    from wegweiser.core.pdf import render_pdf

    municipality = public_municipality(slug)
    # Typesetting costs CPU on a public URL: the PDF is kept until the guidebook, the wage data or
    # the texts change (all three are part of the key).
    key = "learning:leaflet:" + ":".join(
        [
            slug,
            current_language(),
            guidebook_fingerprint(municipality),
            hashlib.sha256(repr(wages.rates()).encode()).hexdigest()[:12],
            content.AS_OF.isoformat(),
        ]
    )
    pdf = cache.get(key)
    if pdf is None:
        context = _context(municipality)
        online = absolute_url(reverse("learning:rights", kwargs={"slug": slug}))
        context.update({"online_url": online, "qr": qr_svg(online, scale=3)})
        pdf = render_pdf("learning/rights_leaflet_pdf.html", context, request)
        cache.set(key, pdf, 3600)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rights-{slug}-{current_language()}.pdf"'
    return response


@require_safe
def service_worker(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = public_municipality(slug)
    pages = [
        reverse("learning:rights", kwargs={"slug": municipality.slug}),
    ]
    if current_language() == "de":
        pages.append(reverse("learning:rights_easy", kwargs={"slug": municipality.slug}))
    return offline.service_worker(
        request, name="rights", key=municipality.slug, pages=pages, assets=OFFLINE_ASSETS
    )
