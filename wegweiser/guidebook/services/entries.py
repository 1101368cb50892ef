"""Writes of guidebook entries: creating from the actor type's template, mandate items (with their
needs and translations), the approval status of editors' changes, archive and consent.

Every write of a mandate item goes through `save_mandate_item`: the editing page, the mandate
template of a new entry and the HSDS import.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from ..models import (
    ActorType,
    ContactPerson,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Need,
    Organization,
    OrganizationStatus,
)
from ..signals import search_refresh_deferred


@transaction.atomic
def save_organization(form, locations, *, by_coordinator: bool, municipality=None) -> Organization:
    """Save an editor's change of an entry (form and location formset, both valid).

    The form's internal note belongs to `municipality` (the network the editor works in).
    """
    if not by_coordinator:
        # Saved together with the change, so the history never shows an unapproved version as
        # published.
        form.instance.status = OrganizationStatus.IN_REVIEW
    organization = form.save()
    locations.save()
    if municipality is not None and "internal_notes" in form.cleaned_data:
        set_internal_note(organization, municipality, form.cleaned_data["internal_notes"])
    record_change(organization, by_coordinator=by_coordinator)
    return organization


@transaction.atomic
def set_internal_note(organization: Organization, municipality, text: str) -> None:
    """Each municipality keeps its own note on a shared organisation (issue 11)."""
    from ..models import InternalNote

    note = InternalNote.objects.filter(organization=organization, municipality=municipality).first()
    if note is None:
        if text:
            InternalNote.objects.create(
                organization=organization, municipality=municipality, text=text
            )
        return
    if note.text != text:
        note.text = text
        note.save()


@transaction.atomic
def save_mandate_item(
    item: MandateItem,
    *,
    needs: Mapping[Need, str] | None = None,
    translations: Mapping[str, str] | None = None,
    source_versions: Mapping[str, int] | None = None,
    keep_version: bool = False,
    by_coordinator: bool | None = None,
) -> MandateItem:
    """Save a mandate item (new or changed) with its need links and translations.

    - A changed German text raises the item's version, so translations made for the old text show
      as outdated; imports that carry their own version pass keep_version=True.
    - needs: {need: role}; links to needs left out are removed (None: links stay as they are).
    - translations: {language: text}; languages left out or empty are removed (None: unchanged).
      A new or changed translation is for the item's current version unless source_versions
      says which version it was made for (imports carry it).
    - by_coordinator: set for editors' changes; a member's change waits for approval.
    """
    if not keep_version and not item._state.adding:
        stored = MandateItem.objects.filter(pk=item.pk).values_list("text", flat=True).first()
        if stored is not None and stored != item.text:
            item.version += 1
    # The entry's search text is rebuilt once for the item with its links, translations and the
    # entry's new status, not after each of them.
    with search_refresh_deferred():
        item.save()
        if needs is not None:
            _save_need_links(item, needs)
        if translations is not None:
            _save_translations(item, translations, source_versions or {})
        if by_coordinator is not None:
            record_change(item.organization, by_coordinator=by_coordinator)
    return item


@transaction.atomic
def delete_mandate_item(item: MandateItem, *, by_coordinator: bool) -> None:
    """Remove a mandate item (kept in the history and restorable from the history page)."""
    organization = item.organization
    item.delete()
    record_change(organization, by_coordinator=by_coordinator)


def _save_need_links(item: MandateItem, needs: Mapping[Need, str]) -> None:
    roles = {need.pk: role for need, role in needs.items() if role}
    for link in list(item.need_links.all()):
        role = roles.pop(link.need_id, "")
        if not role:
            link.delete()
        elif link.role != role:
            link.role = role
            link.save(update_fields=["role"])
    for need_id, role in roles.items():
        MandateNeed.objects.create(item=item, need_id=need_id, role=role)


def _save_translations(
    item: MandateItem, translations: Mapping[str, str], source_versions: Mapping[str, int]
) -> None:
    texts = {language: text.strip() for language, text in translations.items() if language != "de"}
    for row in list(item.translations.all()):
        text = texts.pop(row.language, "")
        version = source_versions.get(row.language, item.version)
        if not text:
            row.delete()
        elif row.text != text or (
            row.language in source_versions and row.source_version != version
        ):
            row.text = text
            row.source_version = version
            row.save()
    for language, text in texts.items():
        if text:
            MandateTranslation.objects.create(
                item=item,
                language=language,
                text=text,
                source_version=source_versions.get(language, item.version),
            )


@transaction.atomic
def apply_mandate_template(organization: Organization, *, replace: bool = False) -> int:
    """Give an organisation the default mandate of its actor type (German source + English).

    Returns the number of items created. Existing items are kept unless replace=True.
    """
    if organization.mandate_items.exists():
        if not replace:
            return 0
        organization.mandate_items.all().delete()
    needs = {need.key: need for need in Need.objects.all()}
    with search_refresh_deferred():
        return _create_template_items(organization, needs)


def _create_template_items(organization: Organization, needs: Mapping[str, Need]) -> int:
    created = 0
    for order, entry in enumerate(organization.actor_type.mandate_template, start=1):
        item = MandateItem(
            organization=organization,
            kind=entry["kind"],
            text=entry["text"]["de"],
            source=entry.get("source", ""),
            as_of=datetime.date.fromisoformat(entry["as_of"]) if entry.get("as_of") else None,
            order=order * 10,
        )
        save_mandate_item(
            item,
            needs={
                needs[link["key"]]: link["role"]
                for link in entry.get("needs", [])
                if link["key"] in needs
            },
            translations=entry["text"],
        )
        created += 1
    return created


@transaction.atomic
def copy_mandate(source: Organization, target: Organization) -> int:
    """Give `target` a copy of every mandate item of `source`, with needs and translations; a
    translation that was outdated in the source stays marked outdated. Returns the count."""
    created = 0
    items = source.mandate_items.prefetch_related("translations", "need_links__need")
    for item in items.order_by("order", "kind", "id"):
        translations = list(item.translations.all())
        save_mandate_item(
            MandateItem(
                organization=target,
                kind=item.kind,
                text=item.text,
                version=item.version,
                source=item.source,
                as_of=item.as_of,
                order=item.order,
            ),
            needs={link.need: link.role for link in item.need_links.all()},
            translations={row.language: row.text for row in translations},
            source_versions={row.language: row.source_version for row in translations},
        )
        created += 1
    return created


@transaction.atomic
def create_organization_from_template(
    actor_type: ActorType,
    name: str,
    municipalities,
    *,
    template: Organization | None = None,
    **fields,
) -> Organization:
    """A new entry with the mandate of `template` (a state's template entry) or, without one, the
    shipped template of its actor type."""
    organization = Organization.objects.create(actor_type=actor_type, name=name, **fields)
    organization.municipalities.set(municipalities)
    if template is not None:
        copy_mandate(template, organization)
    else:
        apply_mandate_template(organization)
    return organization


# --- editing and approval ------------------------------------------------------------------------
#
# Choice (documented in README): the public and the internal guidebook show only entries whose
# status is "published". A change by a member of the organisation moves the entry to
# "waiting for approval" (in_review); until a coordinator publishes it, the entry is not shown in the
# guidebook (only to its editors, with a banner). Changes by a coordinator stay published.
# Contact persons are exempt: they are internal only, and a withdrawal of consent must take effect
# at once, so their changes never wait for approval.


def record_change(organization: Organization, *, by_coordinator: bool) -> None:
    """After a change by an editor: a member's change needs the coordinator's approval."""
    if not by_coordinator and organization.status != OrganizationStatus.IN_REVIEW:
        organization.status = OrganizationStatus.IN_REVIEW
        organization.save(update_fields=["status", "updated_at"])


@transaction.atomic
def publish(organization: Organization) -> None:
    organization.status = OrganizationStatus.PUBLISHED
    if (
        organization.last_confirmed_at is None
        or organization.last_confirmed_at < timezone.localdate()
    ):
        # Approving an entry is a confirmation that it is correct today.
        organization.last_confirmed_at = timezone.localdate()
    organization.save(update_fields=["status", "last_confirmed_at", "updated_at"])


@transaction.atomic
def archive(organization: Organization) -> None:
    """Organisations are archived, never deleted: they leave every guidebook, history stays."""
    organization.archived_at = timezone.now()
    organization.save(update_fields=["archived_at", "updated_at"])


@transaction.atomic
def unarchive(organization: Organization) -> None:
    organization.archived_at = None
    organization.save(update_fields=["archived_at", "updated_at"])


@transaction.atomic
def save_contact_person(person: ContactPerson) -> ContactPerson:
    """Contact persons are internal only: their changes never wait for approval."""
    person.save()
    return person


@transaction.atomic
def withdraw_consent(person: ContactPerson, how: str = "") -> None:
    """From now on the person appears nowhere (pages, search, exports)."""
    person.consent_withdrawn_at = timezone.localdate()
    if how:
        person.consent_how = f"{person.consent_how} / {how}".strip(" /")
    person.save(update_fields=["consent_withdrawn_at", "consent_how"])
