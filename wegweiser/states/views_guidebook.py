"""The state guidebook, edited by the state coordinator: state-wide actors with their mandates, and
the state's template of municipal entries (per actor type) that a new municipality adopts as drafts.

Mandate items of both are edited with the guidebook's own form and write service; the state
coordination is the only editor, so its changes never wait for approval.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.guidebook.forms import MandateItemForm
from wegweiser.guidebook.models import ActorType, MandateItem, Organization
from wegweiser.guidebook.presentation import mandate_sections
from wegweiser.guidebook.services.entries import delete_mandate_item, save_mandate_item

from . import services
from .access import get_state_entry, get_state_for_coordinator
from .forms import StateActorEditForm, TemplateEntryForm
from .models import EntryTemplate


def _entry_url(state, organization: Organization) -> str:
    """Where a state entry is edited: its actor page, or its actor type's template page."""
    template = getattr(organization, "entry_template", None)
    if template is not None:
        return reverse(
            "states:template_type", kwargs={"state": state.slug, "key": organization.actor_type.key}
        )
    return reverse("states:actor", kwargs={"state": state.slug, "pk": organization.pk})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def state_actor(request: AuthenticatedHttpRequest, state: str, pk) -> HttpResponse:
    """One state-wide actor: its public fields, its mandate, publishing."""
    found = get_state_for_coordinator(request, state)
    organization = get_object_or_404(
        Organization.objects.select_related("actor_type"),
        state=found,
        pk=pk,
        archived_at__isnull=True,
    )
    form = StateActorEditForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        services.save_state_entry(form)
        messages.success(request, _("The entry was saved."))
        return redirect(_entry_url(found, organization))
    context = {
        "state": found,
        "organization": organization,
        "form": form,
        "sections": mandate_sections(organization),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "states/actor.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_mandate_item(
    request: AuthenticatedHttpRequest, state: str, pk, item=None
) -> HttpResponse:
    """Add or change a mandate item of a state-wide actor or of a template entry."""
    found, organization = get_state_entry(request, state, pk)
    instance = None
    if item is not None:
        instance = get_object_or_404(
            MandateItem.objects.prefetch_related("translations", "need_links"),
            pk=item,
            organization=organization,
        )
    form = MandateItemForm(request.POST or None, instance=instance)
    back = _entry_url(found, organization)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.organization = organization
        save_mandate_item(saved, needs=form.need_roles(), translations=form.translation_texts())
        messages.success(request, _("The mandate item was saved."))
        return redirect(back + "#mandate")
    context = {
        "state": found,
        "organization": organization,
        "form": form,
        "item": instance,
        "back": back,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "states/mandate_item.html", context, status=status)


@login_required
@require_POST
def entry_mandate_delete(request: AuthenticatedHttpRequest, state: str, pk, item) -> HttpResponse:
    found, organization = get_state_entry(request, state, pk)
    instance = get_object_or_404(MandateItem, pk=item, organization=organization)
    delete_mandate_item(instance, by_coordinator=True)
    messages.success(request, _("The mandate item was removed. It stays in the history."))
    return redirect(_entry_url(found, organization) + "#mandate")


@login_required
@require_http_methods(["GET", "HEAD"])
def template(request: AuthenticatedHttpRequest, state: str) -> HttpResponse:
    """The state's template of municipal entries: every actor type, adapted or as shipped."""
    found = get_state_for_coordinator(request, state)
    adapted = {
        t.actor_type_id: t
        for t in EntryTemplate.objects.filter(state=found).select_related("organization")
    }
    rows = [
        {"actor_type": actor_type, "template": adapted.get(actor_type.pk)}
        for actor_type in ActorType.objects.order_by("-target_group", "order", "key")
    ]
    return render(request, "states/template.html", {"state": found, "rows": rows})


def _shipped_sections(actor_type: ActorType) -> list[dict]:
    """The shipped template of an actor type grouped like a mandate (German source texts)."""
    from wegweiser.guidebook.models import MandateKind
    from wegweiser.guidebook.presentation import KIND_ORDER

    items = actor_type.mandate_template
    return [
        {
            "label": MandateKind(kind).label,
            "texts": [i["text"].get("de", "") for i in items if i["kind"] == kind],
        }
        for kind in KIND_ORDER
        if any(i["kind"] == kind for i in items)
    ]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def template_type(request: AuthenticatedHttpRequest, state: str, key: str) -> HttpResponse:
    """One actor type's template: shown as shipped until the state coordinator adapts it; then
    its description and mandate items are hers to change."""
    found = get_state_for_coordinator(request, state)
    actor_type = ActorType.objects.filter(key=key).first()
    if actor_type is None:
        raise Http404
    entry = EntryTemplate.objects.filter(state=found, actor_type=actor_type).first()
    if request.method == "POST" and entry is None:
        services.adapt_template(found, actor_type)
        messages.success(
            request,
            _("The template is now the state's own: change its mandate items below."),
        )
        return redirect("states:template_type", state=found.slug, key=key)
    form = None
    if entry is not None:
        form = TemplateEntryForm(request.POST or None, instance=entry.organization)
        if request.method == "POST" and form.is_valid():
            services.save_state_entry(form)
            messages.success(request, _("The template was saved."))
            return redirect("states:template_type", state=found.slug, key=key)
    context = {
        "state": found,
        "actor_type": actor_type,
        "entry": entry,
        "form": form,
        "sections": mandate_sections(entry.organization) if entry else None,
        "shipped": _shipped_sections(actor_type) if entry is None else None,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "states/template_type.html", context, status=status)
