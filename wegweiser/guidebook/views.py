"""Pages of the guidebook: overview, detail, search, editing, approval, history, freshness."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.access import get_municipality_for_user
from wegweiser.core.models import Municipality

from . import services
from .fingerprint import guidebook_fingerprint
from .forms import (
    ConfirmationForm,
    ContactPersonForm,
    LocationFormSet,
    MandateItemForm,
    NewOrganizationForm,
    OrganizationForm,
    RestoreForm,
    WithdrawConsentForm,
)
from .models import (
    ConfirmationRequest,
    ContactPerson,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Need,
    NeedRole,
    Organization,
    OrganizationStatus,
)
from .presentation import grouped, label_needs, languages_of, mandate_sections, matrix, needs_served
from .search import MAX_QUERY_LENGTH, QueryError, query_terms
from .selectors import (
    can_edit,
    can_see_internal,
    is_coordinator,
    ordered,
    organization_for_page,
    published_organizations,
    visible_contact_persons,
)

CACHE_SECONDS = 3600


# --- access -------------------------------------------------------------------------------------


def _municipality(slug: str) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("state"), slug=slug)


def _internal_version(request: HttpRequest, municipality: Municipality) -> bool:
    """Which version a page shows. Members default to the internal version; ?version=public
    previews the public one. Asking for the internal version without access: login or 404."""
    version = request.GET.get("version", "")
    if version not in ("", "public", "internal"):
        raise _BadRequest(_("Unknown version. Use “public” or “internal”."))
    allowed = can_see_internal(request.user, municipality)
    if version == "internal" and not allowed:
        if not request.user.is_authenticated:
            raise _LoginRequired
        raise Http404
    if version == "public":
        return False
    return allowed


class _BadRequest(Exception):
    pass


class _LoginRequired(Exception):
    pass


def _guard(view):
    """Turn the access exceptions above into answers (400 page, login redirect)."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _BadRequest as error:
            return render(
                request,
                "core/error.html",
                {"status": 400, "title": _("Bad request"), "message": str(error)},
                status=400,
            )
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def get_organization_for_user(request: HttpRequest, slug: str, pk, *, coordinator=False):
    """(municipality, organisation, access) for a write action on an entry.

    Outsiders and unknown entries: 404. Network members on an entry that is not theirs: 403.
    With coordinator=True, only coordinators of the municipality pass (others 403).
    """
    municipality, access = get_municipality_for_user(request, slug)
    organization = (
        Organization.objects.serving(municipality)
        .select_related("actor_type")
        .filter(pk=pk)
        .distinct()
        .first()
    )
    if organization is None:
        raise Http404
    if coordinator and not access.is_coordinator:
        raise PermissionDenied
    if not can_edit(request.user, organization, municipality):
        raise PermissionDenied
    return municipality, organization, access


def _bad(request, template: str, context: dict) -> HttpResponse:
    """Re-render a form with its errors, answering 400."""
    return render(request, template, context, status=400)


# --- overview, detail, search ------------------------------------------------------------------


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
@_guard
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
    municipality = _municipality(slug)
    internal = _internal_version(request, municipality)
    body = None
    cache_key = None
    if not internal:
        cache_key = (
            f"guidebook:overview:{municipality.pk}:{get_language()}:"
            f"{timezone.localdate().isoformat()}:{guidebook_fingerprint(municipality)}"
        )
        body = cache.get(cache_key)
    if body is None:
        organizations = list(published_organizations(municipality, contacts=internal))
        needs = label_needs(list(Need.objects.all()))
        for organization in organizations:
            organization.language_labels = languages_of(organization)
            organization.contacts = (
                visible_contact_persons(request.user, organization, municipality)
                if internal
                else []
            )
        body = render_to_string(
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
        if cache_key:
            cache.set(cache_key, body, CACHE_SECONDS)
    context = {
        "municipality": municipality,
        "internal": internal,
        "may_see_internal": can_see_internal(request.user, municipality),
        "is_coordinator": is_coordinator(request.user, municipality),
        "body": mark_safe(body),  # noqa: S308 - rendered by our own template above
    }
    return render(request, "guidebook/overview.html", context)


@require_safe
@_guard
def detail(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality = _municipality(slug)
    internal = _internal_version(request, municipality)
    found = organization_for_page(request.user, municipality, pk)
    if found is None:
        raise Http404
    organization, editable = found
    contacts = visible_contact_persons(request.user, organization, municipality) if internal else []
    context = {
        "municipality": municipality,
        "organization": organization,
        "internal": internal,
        "may_see_internal": can_see_internal(request.user, municipality),
        "can_edit": editable,
        "is_coordinator": is_coordinator(request.user, municipality),
        "sections": mandate_sections(organization),
        "needs_served": needs_served(organization),
        "language_labels": languages_of(organization),
        "contacts": contacts,
        "locations": [] if organization.confidential_address else organization.locations.all(),
        "freshness_days": services.settings.WEGWEISER_FRESHNESS_DAYS,
    }
    return render(request, "guidebook/detail.html", context)


@require_safe
@_guard
def search(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality(slug)
    internal = _internal_version(request, municipality)
    query = request.GET.get("q", "")
    try:
        terms = query_terms(query)
    except QueryError as error:
        message = (
            _("The search text is too long (at most %(count)s characters).")
            % {"count": MAX_QUERY_LENGTH}
            if str(error) == "too_long"
            else _("The search text contains characters that cannot be searched.")
        )
        return render(
            request,
            "guidebook/search.html",
            {
                "municipality": municipality,
                "internal": internal,
                "query": query[:MAX_QUERY_LENGTH],
                "error": message,
                "results": [],
                "searched": False,
            },
            status=400,
        )
    results = []
    if terms:
        queryset = published_organizations(municipality, contacts=internal)
        field = "internal_search_text" if internal else "search_text"
        for term in terms:
            queryset = queryset.filter(**{f"{field}__icontains": term})
        results = list(queryset[:100])
        for organization in results:
            organization.language_labels = languages_of(organization)
            organization.contacts = (
                visible_contact_persons(request.user, organization, municipality)
                if internal
                else []
            )
    context = {
        "municipality": municipality,
        "internal": internal,
        "may_see_internal": can_see_internal(request.user, municipality),
        "query": query,
        "results": results,
        "searched": bool(terms),
    }
    return render(request, "guidebook/search.html", context)


# --- editing -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    form = OrganizationForm(request.POST or None, instance=organization)
    locations = LocationFormSet(request.POST or None, instance=organization, prefix="locations")
    context = {
        "municipality": municipality,
        "organization": organization,
        "form": form,
        "locations": locations,
        "is_coordinator": access.is_coordinator,
    }
    if request.method == "POST":
        if not (form.is_valid() and locations.is_valid()):
            return _bad(request, "guidebook/edit.html", context)
        with transaction.atomic():
            if not access.is_coordinator:
                # Saved together with the change, so the history never shows an unapproved
                # version as published.
                form.instance.status = OrganizationStatus.IN_REVIEW
            form.save()
            locations.save()
            services.record_change(organization, by_coordinator=access.is_coordinator)
        _saved_message(request, access.is_coordinator)
        return redirect(_detail_url(municipality, organization))
    return render(request, "guidebook/edit.html", context)


def _saved_message(request, by_coordinator: bool) -> None:
    if by_coordinator:
        messages.success(request, _("The entry was saved."))
    else:
        messages.success(
            request,
            _(
                "Your change was saved. The coordinator will review and publish it; until then "
                "the entry is not shown in the guidebook."
            ),
        )


def _detail_url(municipality, organization) -> str:
    return reverse("guidebook:detail", kwargs={"slug": municipality.slug, "pk": organization.pk})


@require_http_methods(["GET", "POST"])
def mandate_item(request: HttpRequest, slug: str, pk, item=None) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = None
    if item is not None:
        instance = get_object_or_404(
            MandateItem.objects.prefetch_related("translations", "need_links"),
            pk=item,
            organization=organization,
        )
    old_text = instance.text if instance else None
    form = MandateItemForm(request.POST or None, instance=instance)
    context = {
        "municipality": municipality,
        "organization": organization,
        "form": form,
        "item": instance,
    }
    if request.method == "POST":
        if not form.is_valid():
            return _bad(request, "guidebook/mandate_item.html", context)
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.organization = organization
            if old_text is not None and old_text != saved.text:
                saved.version += 1
            saved.save()
            _save_needs(saved, form)
            _save_translations(saved, form)
            services.record_change(organization, by_coordinator=access.is_coordinator)
        _saved_message(request, access.is_coordinator)
        return redirect(_detail_url(municipality, organization) + "#mandate")
    return render(request, "guidebook/mandate_item.html", context)


def _save_needs(item: MandateItem, form: MandateItemForm) -> None:
    current = {link.need_id: link for link in item.need_links.all()}
    for need in form.needs:
        role = form.cleaned_data.get(f"need_{need.key}") or ""
        link = current.get(need.pk)
        if role and link is None:
            MandateNeed.objects.create(item=item, need=need, role=role)
        elif role and link.role != role:
            link.role = role
            link.save(update_fields=["role"])
        elif not role and link is not None:
            link.delete()


def _save_translations(item: MandateItem, form: MandateItemForm) -> None:
    rows = {row.language: row for row in item.translations.all()}
    for code, _name in services.settings.LANGUAGES:
        if code == "de":
            continue
        text = (form.cleaned_data.get(f"translation_{code}") or "").strip()
        row = rows.get(code)
        if text and row is None:
            MandateTranslation.objects.create(
                item=item, language=code, text=text, source_version=item.version
            )
        elif text and row.text != text:
            row.text = text
            row.source_version = item.version
            row.save()
        elif not text and row is not None:
            row.delete()


@require_POST
def mandate_item_delete(request: HttpRequest, slug: str, pk, item) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = get_object_or_404(MandateItem, pk=item, organization=organization)
    with transaction.atomic():
        instance.delete()  # kept in the history and restorable from the history page
        services.record_change(organization, by_coordinator=access.is_coordinator)
    messages.success(request, _("The mandate item was removed. It stays in the history."))
    return redirect(_detail_url(municipality, organization) + "#mandate")


@require_http_methods(["GET", "POST"])
def contacts(request: HttpRequest, slug: str, pk, person=None) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = None
    if person is not None:
        instance = get_object_or_404(ContactPerson, pk=person, organization=organization)
    form = ContactPersonForm(request.POST or None, instance=instance)
    context = {
        "municipality": municipality,
        "organization": organization,
        "form": form,
        "person": instance,
        "people": organization.contact_persons.order_by("name"),
        "withdraw_form": WithdrawConsentForm(),
    }
    if request.method == "POST":
        if not form.is_valid():
            return _bad(request, "guidebook/contacts.html", context)
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.organization = organization
            saved.save()
        messages.success(request, _("The contact person was saved."))
        return redirect("guidebook:contacts", slug=municipality.slug, pk=organization.pk)
    return render(request, "guidebook/contacts.html", context)


@require_POST
def withdraw_consent(request: HttpRequest, slug: str, pk, person) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(request, slug, pk)
    instance = get_object_or_404(ContactPerson, pk=person, organization=organization)
    form = WithdrawConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check your input."))
        return redirect("guidebook:contacts", slug=municipality.slug, pk=organization.pk)
    services.withdraw_consent(instance, form.cleaned_data["how"])
    messages.success(
        request,
        _("Consent withdrawn: %(name)s no longer appears anywhere in the guidebook.")
        % {"name": instance.name},
    )
    return redirect("guidebook:contacts", slug=municipality.slug, pk=organization.pk)


# --- coordinator: new entries, approval, history, archive, review queue ------------------------


@require_http_methods(["GET", "POST"])
def new_organization(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug, write=True)
    form = NewOrganizationForm(request.POST or None)
    context = {"municipality": municipality, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return _bad(request, "guidebook/new.html", context)
        data = form.cleaned_data
        with transaction.atomic():
            organization = services.create_organization_from_template(
                data["actor_type"],
                data["name"],
                [municipality],
                phone=data["phone"],
                email=data["email"],
                website=data["website"],
                status=OrganizationStatus.DRAFT,
            )
        messages.success(
            request,
            _("The entry was created as a draft with the mandate template of its actor type."),
        )
        return redirect(_detail_url(municipality, organization))
    return render(request, "guidebook/new.html", context)


@require_http_methods(["GET", "POST"])
def approve(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(
        request, slug, pk, coordinator=True
    )
    if request.method == "POST":
        services.publish(organization)
        messages.success(request, _("The entry was published."))
        return redirect(_detail_url(municipality, organization))
    context = {
        "municipality": municipality,
        "organization": organization,
        "changes": services.changes_since_publication(organization),
    }
    return render(request, "guidebook/approve.html", context)


@require_http_methods(["GET", "POST"])
def history(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(
        request, slug, pk, coordinator=True
    )
    if request.method == "POST":
        form = RestoreForm(request.POST)
        if not form.is_valid() or not services.restore_version(
            organization, form.cleaned_data["kind"], form.cleaned_data["history_id"]
        ):
            return render(
                request,
                "core/error.html",
                {
                    "status": 400,
                    "title": _("Bad request"),
                    "message": _("This version cannot be restored."),
                },
                status=400,
            )
        messages.success(request, _("The earlier version was restored as a new change."))
        return redirect("guidebook:history", slug=municipality.slug, pk=organization.pk)
    context = {
        "municipality": municipality,
        "organization": organization,
        "timeline": services.organization_timeline(organization),
    }
    return render(request, "guidebook/history.html", context)


@require_POST
def archive(request: HttpRequest, slug: str, pk) -> HttpResponse:
    municipality, organization, access = get_organization_for_user(
        request, slug, pk, coordinator=True
    )
    if organization.archived_at is None:
        services.archive(organization)
        messages.success(request, _("The entry was archived. It no longer appears anywhere."))
    else:
        services.unarchive(organization)
        messages.success(request, _("The entry was taken out of the archive."))
    return redirect(_detail_url(municipality, organization))


@require_safe
def review(request: HttpRequest, slug: str) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug, write=True)
    serving = Organization.objects.serving(municipality).select_related("actor_type").distinct()
    context = {
        "municipality": municipality,
        "waiting": list(ordered(serving.current().exclude(status=OrganizationStatus.PUBLISHED))),
        "stale": services.stale_organizations(municipality),
        "proposals": services.open_proposals(municipality),
        "archived": list(serving.filter(archived_at__isnull=False).order_by("name")),
        "freshness_days": services.settings.WEGWEISER_FRESHNESS_DAYS,
    }
    return render(request, "guidebook/review.html", context)


@require_POST
def proposal_done(request: HttpRequest, slug: str, proposal) -> HttpResponse:
    municipality, access = get_municipality_for_user(request, slug, write=True)
    request_obj = get_object_or_404(
        ConfirmationRequest.objects.filter(
            organization__in=Organization.objects.serving(municipality)
        ).distinct(),
        pk=proposal,
    )
    confirm = request.POST.get("confirm") == "1"
    services.mark_proposal_reviewed(request_obj, request.user, confirm=confirm)
    messages.success(request, _("The proposal was marked as handled."))
    return redirect("guidebook:review", slug=municipality.slug)


# --- confirmation link (no account) ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    confirmation, state = services.find_request(token)
    if confirmation is None:
        raise Http404
    organization = confirmation.organization
    if state != services.LinkState.VALID:
        return render(
            request,
            "guidebook/confirm_closed.html",
            {"state": state, "organization": organization},
            status=410,
        )
    form = ConfirmationForm(request.POST or None)
    context = {
        "organization": organization,
        "form": form,
        "confirmation": confirmation,
        "sections": mandate_sections(_with_mandate(organization)),
        "locations": [] if organization.confidential_address else organization.locations.all(),
        "language_labels": languages_of(organization),
    }
    if request.method == "POST":
        if not form.is_valid():
            return _bad(request, "guidebook/confirm.html", context)
        answered = services.answer_request(
            confirmation,
            confirmed=form.cleaned_data["answer"] == "confirmed",
            message=form.cleaned_data["message"],
            proposed=form.proposed(),
        )
        if not answered:
            return render(
                request,
                "guidebook/confirm_closed.html",
                {"state": services.LinkState.USED, "organization": organization},
                status=410,
            )
        return render(
            request,
            "guidebook/confirm_done.html",
            {"organization": organization, "confirmed": form.cleaned_data["answer"] == "confirmed"},
        )
    return render(request, "guidebook/confirm.html", context)


def _with_mandate(organization):
    return (
        Organization.objects.filter(pk=organization.pk)
        .prefetch_related("mandate_items__translations", "mandate_items__need_links__need")
        .first()
    )
