"""Use cases of the guidebook."""

from __future__ import annotations

import datetime

from django.db import transaction

from .models import ActorType, MandateItem, MandateNeed, MandateTranslation, Need, Organization


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
    created = 0
    for order, entry in enumerate(organization.actor_type.mandate_template, start=1):
        item = MandateItem.objects.create(
            organization=organization,
            kind=entry["kind"],
            text=entry["text"]["de"],
            source=entry.get("source", ""),
            as_of=datetime.date.fromisoformat(entry["as_of"]) if entry.get("as_of") else None,
            order=order * 10,
        )
        for language, text in entry["text"].items():
            if language != "de" and text:
                MandateTranslation.objects.create(
                    item=item, language=language, text=text, source_version=item.version
                )
        for link in entry.get("needs", []):
            if link["key"] in needs:
                MandateNeed.objects.create(item=item, need=needs[link["key"]], role=link["role"])
        created += 1
    return created


def create_organization_from_template(
    actor_type: ActorType, name: str, municipalities, **fields
) -> Organization:
    organization = Organization.objects.create(actor_type=actor_type, name=name, **fields)
    organization.municipalities.set(municipalities)
    apply_mandate_template(organization)
    return organization
