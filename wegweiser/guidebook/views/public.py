"""Public pages of the guidebook: overview, detail, search (internal version for members)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wegweiser.accounts.models import ReadKind
from wegweiser.accounts.reads import record_read
from wegweiser.core.models import Municipality
from wegweiser.core.registry import organization_sections, render_sections
from wegweiser.core.selectors import public_municipality

from ..access import is_coordinator, may_see_internal
from ..fingerprint import guidebook_fingerprint
from ..forms import SearchFilterForm
from ..models import Need, NeedRole
from ..presentation import (
    grouped,
    label_needs,
    languages_of,
    mandate_sections,
    matrix,
    needs_served,
)
from ..search import (
    MAX_QUERY_LENGTH,
    QueryError,
    candidates_first,
    filter_by_terms,
    query_terms,
)
from ..search_rank import rank
from ..selectors import (
    internal_note,
    internal_notes_of,
    organization_for_page,
    published_organizations,
    visible_contact_persons,
)
from ..services.changes import returned_changes, waiting_changes
from ._common import guard, internal_version

CACHE_SECONDS = 3600


def _anonymous_page_key(request: HttpRequest, slug: str) -> str | None:
    """Cache key of the whole overview page for a visitor without session, or None.

    Such visitors all get the same page (no form token, no messages, no internal data), so it is
    served from the cache without touching the database; the key changes with the guidebook's
    fingerprint, the language and the day ("may be outdated" badges depend on the date).
    """
    if request.GET or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    municipality_id = cache.get_or_set(
        f"guidebook:municipality-id:{slug}",
        lambda: Municipality.objects.filter(slug=slug).values_list("pk", flat=True).first(),
        300,
    )
    if municipality_id is None:
        return None
    return (
        f"guidebook:page:{municipality_id}:{get_language()}:{timezone.localdate().isoformat()}:"
        f"{guidebook_fingerprint(municipality_id)}"
    )


@require_safe
@guard
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    page_key = _anonymous_page_key(request, slug)
    if page_key is not None:
        cached = cache.get(page_key)
        if cached is not None:
            return HttpResponse(cached)
    response = _overview(request, slug)
    if page_key is not None and response.status_code == 200:
        cache.set(page_key, response.content, CACHE_SECONDS)
    return response


def _overview(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = public_municipality(slug)
    internal = internal_version(request, municipality)
    body = None
    cache_key = None
    if not internal:
        cache_key = (
            f"guidebook:overview:{municipality.pk}:{get_language()}:"
            f"{timezone.localdate().isoformat()}:{guidebook_fingerprint(municipality)}"
        )
        body = cache.get(cache_key)
    if body is None:
        body = _overview_body(request, municipality, internal)
        if cache_key:
            cache.set(cache_key, body, CACHE_SECONDS)
    if internal:
        record_read(request, municipality, ReadKind.GUIDEBOOK)
    context = {
        "municipality": municipality,
        "internal": internal,
        "may_see_internal": may_see_internal(request.user, municipality),
        "is_coordinator": is_coordinator(request.user, municipality),
        "body": mark_safe(body),  # noqa: S308 - rendered by our own template
    }
    return render(request, "guidebook/overview.html", context)


def _overview_body(request: HttpRequest, municipality: Municipality, internal: bool) -> str:
    organizations = list(published_organizations(municipality, contacts=internal))
    needs = label_needs(list(Need.objects.all()))
    _decorate(request, municipality, organizations, internal)
    return render_to_string(
        "guidebook/_overview_body.html",
        {
            "municipality": municipality,
            "groups": grouped(organizations),
            "needs": needs,
            "rows": matrix(organizations, needs),
            "internal": internal,
            "count": len(organizations),
            "roles": NeedRole.choices,
        },
        request=None,
    )


@require_safe
@guard
def print_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole guidebook on one page, every entry in full, laid out for the printer."""
    municipality = public_municipality(slug)
    internal = internal_version(request, municipality)
    organizations = list(published_organizations(municipality, contacts=internal))
    _decorate(request, municipality, organizations, internal)
    for organization in organizations:
        # A display-only attribute for the print template, not a model field.
        organization.sections = mandate_sections(organization)  # type: ignore[attr-defined]
    if internal:
        record_read(request, municipality, ReadKind.GUIDEBOOK, "print")
    context = {
        "municipality": municipality,
        "internal": internal,
        "groups": grouped(organizations),
        "printed_on": timezone.localdate(),
    }
    return render(request, "guidebook/print.html", context)


def _decorate(request: HttpRequest, municipality, organizations: list, internal: bool) -> None:
    """Language labels and (internal version only) consented contacts and this network's own
    note for the list templates and the ranking."""
    notes = internal_notes_of(municipality) if internal else {}
    for organization in organizations:
        organization.language_labels = languages_of(organization)
        organization.contacts = (
            visible_contact_persons(request.user, organization, municipality) if internal else []
        )
        organization.network_note = notes.get(organization.pk, "")


@require_safe
@guard
def detail(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality = public_municipality(slug)
    internal = internal_version(request, municipality)
    found = organization_for_page(request.user, municipality, pk)
    if found is None:
        raise Http404
    organization, editable = found
    contacts = visible_contact_persons(request.user, organization, municipality) if internal else []
    if internal:
        record_read(request, municipality, ReadKind.ENTRY, organization.pk)
    context = {
        "municipality": municipality,
        "organization": organization,
        "internal": internal,
        "internal_note": internal_note(organization, municipality) if internal else "",
        "may_see_internal": may_see_internal(request.user, municipality),
        "can_edit": editable,
        "is_coordinator": is_coordinator(request.user, municipality),
        "sections": mandate_sections(organization),
        "needs_served": needs_served(organization),
        "language_labels": languages_of(organization),
        "contacts": contacts,
        "locations": [] if organization.confidential_address else organization.locations.all(),
        "freshness_days": settings.WEGWEISER_FRESHNESS_DAYS,
        "open_changes": list(waiting_changes(organization)) if editable else [],
        "returned_changes": list(returned_changes(organization)) if editable else [],
        # What apps above add to the entry (network: agreements in force binding the actor).
        "extra_sections": render_sections(organization_sections, request, organization),
    }
    return render(request, "guidebook/detail.html", context)


# The best matches the search ranks, and how many of them one page shows.
SEARCH_RANKED = 100
SEARCH_PAGE_SIZE = 20


@require_safe
@guard
def search(request: HttpRequest, slug: str) -> HttpResponse:
    """Search with filters; an htmx request (live search while typing) gets only the results."""
    municipality = public_municipality(slug)
    internal = internal_version(request, municipality)
    filters = SearchFilterForm(request.GET)
    query = request.GET.get("q", "")
    partial = request.headers.get("HX-Request") == "true"
    template = "guidebook/_search_results.html" if partial else "guidebook/search.html"
    context = {
        "municipality": municipality,
        "internal": internal,
        "may_see_internal": may_see_internal(request.user, municipality),
        "query": query[:MAX_QUERY_LENGTH],
        "filters": filters,
        "results": [],
        "searched": False,
    }
    try:
        terms = query_terms(query)
    except QueryError as error:
        context["error"] = (
            _("The search text is too long (at most %(count)s characters).")
            % {"count": MAX_QUERY_LENGTH}
            if str(error) == "too_long"
            else _("The search text contains characters that cannot be searched.")
        )
        return _vary(render(request, template, context, status=400))
    if not filters.is_valid():
        context["error"] = _("Please choose a filter from the list.")
        return _vary(render(request, template, context, status=400))
    if terms or filters.active():
        organizations = filters.apply(
            published_organizations(municipality, contacts=internal, cards_only=True)
        )
        if terms:
            organizations = filter_by_terms(
                candidates_first(organizations), terms, internal=internal
            )
        found = filters.apply_language(list(organizations[: SEARCH_RANKED + 1]))
        context["more_than_ranked"] = len(found) > SEARCH_RANKED
        found = found[:SEARCH_RANKED]
        _decorate(request, municipality, found, internal)
        ranked = rank(found, terms, internal=internal)
        # Ranked as a whole, shown a page at a time: rendering a hundred cards cost more than
        # finding and ranking them, and is a long page on a phone.
        page = Paginator(ranked, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(results=page.object_list, page=page, total=len(ranked), searched=True)
        if internal:
            # The search terms are not kept: the entry says only that the internal version was searched.
            record_read(request, municipality, ReadKind.GUIDEBOOK, "search")
    return _vary(render(request, template, context))


def _vary(response: HttpResponse) -> HttpResponse:
    """The same URL answers a whole page or (for htmx) the results only: caches must tell."""
    patch_vary_headers(response, ["HX-Request"])
    return response
