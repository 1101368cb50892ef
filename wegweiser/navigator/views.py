"""Navigator pages: professional mode, simple mode for workers, referral sheet, indicator check.

All pages are public and GET-only, except the referral sheet's PDF, which is a POST so that the
optional free-text fields never appear in a URL or a log. Nothing is stored.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from wegweiser.core import offline
from wegweiser.core.i18n import current_language, is_professional_language
from wegweiser.core.models import Municipality
from wegweiser.core.pdf import render_pdf
from wegweiser.core.qr import qr_svg, qr_svg_data_uri
from wegweiser.core.selectors import public_municipality
from wegweiser.guidebook.access import may_see_internal
from wegweiser.guidebook.models import Need

from .cache import cached_recommend
from .forms import ReferralSheetForm
from .indicators import UnknownIndicator, assess
from .links import guidebook_entry_url
from .services import (
    RESIDENCE_STATUSES,
    UNKNOWN,
    InvalidSelection,
    InvalidStatus,
    UnknownNeeds,
    indicator_data,
    needs_for_keys,
    parse_keys,
    parse_status,
)
from .simple import counselling_services, fallback_contacts

# What the help page needs offline besides the shared assets of wegweiser.core.offline.
HELP_ASSETS = ["navigator/navigator.css"]


@cache
def _pdf_css() -> str:
    path = finders.find("navigator/sheet-pdf.css")
    assert isinstance(path, str), "navigator/sheet-pdf.css is missing"
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _selection(request: HttpRequest, param: str = "needs") -> tuple[list[Need], str]:
    """The ticked needs of a request, or an error message (for a 400 answer)."""
    try:
        keys = parse_keys(request.GET.getlist(param) + request.POST.getlist(param))
        return needs_for_keys(keys), ""
    except InvalidSelection as error:
        return [], _(
            "The selection could not be read (%(value)s). Please tick the situations again."
        ) % {"value": error}
    except UnknownNeeds as error:
        return [], _("Unknown situation: %(keys)s. Please tick the situations from the list.") % {
            "keys": ", ".join(error.keys)
        }


def _status(request: HttpRequest) -> tuple[str, str]:
    """The residence status of a request (default: unknown), or an error message."""
    try:
        return parse_status(request.GET.get("status") or request.POST.get("status")), ""
    except InvalidStatus:
        return UNKNOWN, _("Unknown residence status. Please choose one of the options.")


def _result_query(needs: list[Need], status: str = UNKNOWN) -> str:
    if not needs:
        return ""
    params = {"needs": ",".join(need.key for need in needs)}
    if status != UNKNOWN:
        params["status"] = status
    return urlencode(params)


def _decorate(result, municipality: Municipality, language: str) -> None:
    for recommendation in result.recommendations:
        recommendation.guidebook_url = guidebook_entry_url(
            municipality.slug, recommendation.organization.pk, language
        )


def _parse(request: HttpRequest, slug: str):
    """(municipality, needs, status, first error or "", language) of a navigator request."""
    municipality = public_municipality(slug)
    needs, error = _selection(request)
    status, status_error = _status(request)
    return municipality, needs, status, error or status_error, current_language()


def _picker_context(municipality, needs: list[Need], status: str) -> dict[str, object]:
    """What the pages with the situation picker (professional and simple mode) show it with."""
    return {
        "municipality": municipality,
        "all_needs": Need.objects.all(),
        "selected": {need.key for need in needs},
        "status": status,
        "statuses": RESIDENCE_STATUSES,
    }


# Cards with full details in the page; the details of places further down are one link away
# (`?details=all`). A town's guidebook (the demo: 11 to 17 places for a selection) shows all of
# them; at state scale a result can list a hundred places, and rendering every card was most
# of the request (issue 16). The short list above the cards always names every place with its
# badges (consent, § 87, caution), so no warning is one link away.
DETAILS_IN_PAGE = 20


@require_safe
def professional(request: HttpRequest, slug: str) -> HttpResponse:
    """Professional mode: tick situations, get the organisations to involve in order."""
    municipality, needs, status, error, language = _parse(request, slug)
    show_contacts = may_see_internal(request.user, municipality)
    result = cached_recommend(
        municipality, needs, status=status, show_contact_persons=show_contacts, language=language
    )
    _decorate(result, municipality, language)
    query = _result_query(needs, status)
    all_details = request.GET.get("details") == "all"
    shown = len(result.recommendations) if all_details else DETAILS_IN_PAGE
    context = {
        **_picker_context(municipality, needs, status),
        "result": result,
        "detailed": result.recommendations[:shown],
        "not_detailed": result.recommendations[shown:],
        "all_details": all_details,
        "error": error,
        "query": query,
        "sheet_languages": [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ],
    }
    return render(request, "navigator/professional.html", context, status=400 if error else 200)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def referral_sheet(request: HttpRequest, slug: str) -> HttpResponse:
    """The result as a printable sheet (GET) or as a PDF with optional typed-in notes (POST).

    The notes are only rendered into the PDF: no model, no session, no log line keeps them.
    """
    municipality, needs, status, error, language = _parse(request, slug)
    form = ReferralSheetForm(request.POST or None)
    if not error and not needs:
        error = _("Please tick at least one situation in the navigator first.")
    result = cached_recommend(
        municipality, needs, status=status, show_contact_persons=False, language=language
    )
    _decorate(result, municipality, language)
    query = _result_query(needs, status)
    online_url = request.build_absolute_uri(
        reverse("navigator:professional", kwargs={"slug": municipality.slug})
        + ("?" + query if needs else "")
    )
    context = {
        "municipality": municipality,
        "result": result,
        "error": error,
        "query": query,
        "form": form,
        "online_url": online_url,
        "plain_needs": not is_professional_language(language),
        "qr_code": qr_svg_data_uri(online_url),
    }
    if request.method == "POST" and not error and form.is_valid():
        context["notes"] = form.cleaned_data
        context["pdf_css"] = _pdf_css()
        context["qr_svg"] = qr_svg(online_url)
        pdf = render_pdf("navigator/sheet_pdf.html", context, request)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="referral-{municipality.slug}-{language}.pdf"'
        )
        return response
    invalid = error or (request.method == "POST" and not form.is_valid())
    return render(request, "navigator/sheet.html", context, status=400 if invalid else 200)


@require_safe
def simple_help(request: HttpRequest, slug: str) -> HttpResponse:
    """Simple mode for workers: plain questions, counselling services in their language first."""
    municipality, needs, status, error, language = _parse(request, slug)
    services = counselling_services(municipality, needs, language)
    context = {
        **_picker_context(municipality, needs, status),
        "fallback_contacts": fallback_contacts(language) if not services else [],
        "needs": needs,
        "acute": any(need.acute for need in needs),
        "services": services,
        "error": error,
        "language_name": get_language_info(language)["name_local"],
        "sw_url": reverse("navigator:help_sw", kwargs={"slug": municipality.slug}),
        "scope": reverse("navigator:help", kwargs={"slug": municipality.slug}),
    }
    response = render(request, "navigator/help.html", context, status=400 if error else 200)
    return offline.allow_offline_copy(request, response)


@require_safe
def help_service_worker(request: HttpRequest, slug: str) -> HttpResponse:
    """Keeps the help page with its counselling contacts readable offline after one visit."""
    municipality = public_municipality(slug)
    page = reverse("navigator:help", kwargs={"slug": municipality.slug})
    return offline.service_worker(
        request, name="help", key=municipality.slug, pages=[page], assets=HELP_ASSETS
    )


def strength_label(name: str) -> str:
    labels = {"strong": _("strong"), "medium": _("medium"), "weak": _("weak")}
    return _(" or ").join(str(labels.get(part, part)) for part in name.split("_or_"))


def term_label(term: dict) -> str:
    """{"strong": 1, "medium_or_weak": 1} → "1 strong + 1 medium or weak"."""
    return " + ".join(f"{count} {strength_label(name)}" for name, count in term.items())


@require_safe
def indicator_check(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """The ILO/EC indicator check: tick what applies, see which rule is met, go to the navigator."""
    municipality = public_municipality(slug) if slug else None
    data = indicator_data()
    error = ""
    assessment = None
    try:
        ticked = parse_keys(request.GET.getlist("indicators"), max_keys=100)
        assessment = assess(data, ticked)
    except InvalidSelection as error_value:
        ticked = []
        error = _(
            "The selection could not be read (%(value)s). Please tick the indicators again."
        ) % {"value": error_value}
    except UnknownIndicator as error_value:
        ticked = []
        error = _("Unknown indicator: %(keys)s. Please tick the indicators from the list.") % {
            "keys": ", ".join(error_value.keys)
        }
    if assessment is None:
        assessment = assess(data, [])
    navigator_query = urlencode({"needs": ",".join(assessment.needs)}) if assessment.needs else ""
    municipalities = (
        [municipality] if municipality is not None else list(Municipality.objects.order_by("name"))
    )
    results = {result.key: result for result in assessment.dimensions}
    for result in assessment.dimensions:
        result.rule_label = term_label(result.met_term) if result.met_term else ""
    context = {
        "municipality": municipality,
        "municipalities": municipalities,
        "data": data,
        "dimensions": [(dimension, results[dimension["key"]]) for dimension in data["dimensions"]],
        "assessment": assessment,
        "ticked": set(ticked),
        "submitted": "indicators" in request.GET or "checked" in request.GET,
        "navigator_query": navigator_query,
        "error": error,
    }
    return render(request, "navigator/indicators.html", context, status=400 if error else 200)
