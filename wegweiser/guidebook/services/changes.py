"""Members' changes of a published entry wait as pending changes; the published version stays live.

Choice (documented in README): a pending change is the submitted form data, not a copy of the
entry. The live rows keep the published version, so the guidebook, search, the navigator and the
exports read them unchanged while a change waits. Approving applies the data through the same
forms and services a coordinator's own edit uses; sending back keeps the data with a comment for
the member, who sees her version again in the form.
"""

from __future__ import annotations

from django.db import transaction
from django.forms import BaseForm
from django.http import QueryDict
from django.utils.translation import gettext as _

from ..forms import LocationFormSet, MandateItemForm, OrganizationForm
from ..models import MandateItem, Organization, OrganizationStatus, PendingChange
from .entries import delete_mandate_item, publish, save_mandate_item, save_organization
from .history import FieldChange

Kind = PendingChange.Kind
State = PendingChange.State


def needs_approval(organization: Organization, *, by_coordinator: bool) -> bool:
    """A member's change of a published entry waits; everything else is saved at once."""
    return not by_coordinator and organization.status == OrganizationStatus.PUBLISHED


def form_data(post: QueryDict) -> dict[str, list[str]]:
    return {key: values for key, values in post.lists() if key != "csrfmiddlewaretoken"}


def as_querydict(data: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


@transaction.atomic
def propose_change(
    organization: Organization,
    kind: str,
    data: dict[str, list[str]],
    *,
    author,
    item: MandateItem | None = None,
) -> PendingChange:
    """Keep a member's change for approval; a newer change of the same part replaces the older."""
    if kind == Kind.ENTRY or item is not None:
        waiting = organization.pending_changes.filter(
            kind__in=[Kind.MANDATE, Kind.MANDATE_DELETE] if item else [kind],
            item=item,
            state__in=[State.OPEN, State.RETURNED],
        )
        waiting.delete()
    return PendingChange.objects.create(
        organization=organization, kind=kind, item=item, data=data, author=author
    )


def waiting_changes(organization: Organization):
    return organization.pending_changes.filter(state=State.OPEN).select_related("item", "author")


def returned_changes(organization: Organization):
    return organization.pending_changes.filter(state=State.RETURNED).select_related(
        "item", "decided_by"
    )


def change_for_form(organization: Organization, kind: str, item=None) -> PendingChange | None:
    """The member's not yet approved version of a part, shown again in its form."""
    return (
        organization.pending_changes.filter(
            kind=kind, item=item, state__in=[State.OPEN, State.RETURNED]
        )
        .order_by("-updated_at")
        .first()
    )


def bound_forms(change: PendingChange) -> list:
    """The forms of a change, bound to its data and the current rows (validated)."""
    data = as_querydict(change.data)
    if change.kind == Kind.ENTRY:
        form = OrganizationForm(data, instance=change.organization)
        locations = LocationFormSet(data, instance=change.organization, prefix="locations")
        form.is_valid()
        locations.is_valid()
        return [form, locations]
    if change.kind == Kind.MANDATE:
        item_form = MandateItemForm(data, instance=change.item)
        item_form.is_valid()
        return [item_form]
    return []


def describe(change: PendingChange) -> dict:
    """What a change does, field by field: {"title", "changes": [FieldChange], "valid"}."""
    if change.kind == Kind.MANDATE_DELETE:
        return {
            "title": _("Remove mandate item: %(item)s") % {"item": change.item},
            "changes": [],
            "valid": change.item is not None,
        }
    forms = bound_forms(change)
    changes: list[FieldChange] = []
    valid = all(form.is_valid() for form in forms)
    for form in forms:
        if hasattr(form, "forms"):
            for location in form.forms:
                changes.extend(_location_changes(location))
        else:
            changes.extend(_form_changes(form))
    if change.kind == Kind.ENTRY:
        title = _("Organisation and locations")
    elif change.item is None:
        title = _("New mandate item")
    else:
        title = _("Mandate item: %(item)s") % {"item": change.item}
    return {"title": title, "changes": changes, "valid": valid}


def _location_changes(form: BaseForm) -> list[FieldChange]:
    if not form.has_changed():
        return []
    name = form.initial.get("name") or _("new location")
    if form.cleaned_data.get("DELETE"):
        return [FieldChange("DELETE", _("Location %(name)s") % {"name": name}, name, None)]
    return [
        FieldChange(change.field, f"{name}: {change.label}", change.old, change.new)
        for change in _form_changes(form)
        if change.field != "DELETE"
    ]


def _form_changes(form: BaseForm) -> list[FieldChange]:
    result = []
    for name in form.changed_data:
        field = form.fields[name]
        old = _display(field, form.get_initial_for_field(field, name))
        new = _display(field, form.cleaned_data.get(name, form.data.get(name)))
        if old != new:
            result.append(FieldChange(name, str(field.label or name), old, new))
    return result


def _display(field, value) -> str | None:
    if value in (None, "", [], ()):
        return None
    choices = dict(getattr(field, "choices", None) or [])
    if isinstance(value, (list, tuple)):
        return ", ".join(str(choices.get(entry, entry)) for entry in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(choices.get(value, value)) if choices else str(value)


@transaction.atomic
def approve_changes(organization: Organization, user, municipality=None) -> list[PendingChange]:
    """Apply the waiting changes and publish; returns changes that no longer fit the entry
    (they are sent back with a note instead). A change's internal note is the note of
    `municipality`, the network whose coordinator approves."""
    failed = []
    for change in waiting_changes(organization):
        if _apply(change, municipality):
            change.state = State.APPLIED
        else:
            change.state = State.RETURNED
            change.comment = _(
                "This change could not be applied because the entry changed meanwhile. "
                "Please check it and save it again."
            )
            failed.append(change)
        change.decided_by = user
        change.save(update_fields=["state", "comment", "decided_by", "updated_at"])
    publish(organization)
    return failed


def _apply(change: PendingChange, municipality=None) -> bool:
    if change.kind == Kind.MANDATE_DELETE:
        if change.item is None:
            return False
        delete_mandate_item(change.item, by_coordinator=True)
        change.item = None  # removed; the change keeps its record
        return True
    forms = bound_forms(change)
    if not all(form.is_valid() for form in forms):
        return False
    if change.kind == Kind.ENTRY:
        save_organization(forms[0], forms[1], by_coordinator=True, municipality=municipality)
        return True
    form = forms[0]
    saved = form.save(commit=False)
    saved.organization = change.organization
    save_mandate_item(
        saved,
        needs=form.need_roles(),
        translations=form.translation_texts(),
        by_coordinator=True,
    )
    return True


@transaction.atomic
def send_back(organization: Organization, user, comment: str) -> int:
    """Return the waiting changes to the member with the coordinator's comment."""
    return organization.pending_changes.filter(state=State.OPEN).update(
        state=State.RETURNED, comment=comment, decided_by=user
    )


def organizations_with_waiting_changes(organizations):
    return organizations.filter(pending_changes__state=State.OPEN).distinct()
