"""Demo data of the state level: state-wide actors of Rheinland-Pfalz (one record each, shown as
state-wide in both demo guidebooks). Contact details are fictional like the rest of the demo."""

from __future__ import annotations

from django.utils import timezone

from wegweiser.guidebook.models import ActorType, Organization, OrganizationStatus
from wegweiser.guidebook.services.entries import apply_mandate_template

# actor type, name, languages, host part of the fictional web and mail addresses
STATE_ACTORS = [
    ("police", "Landeskriminalamt Rheinland-Pfalz", ["de", "en"], "lka"),
    ("counselling_service", "Faire Integration Rheinland-Pfalz", ["de", "en", "ar", "ru"], "fi"),
]


def load(ctx) -> None:
    for index, (type_key, name, languages, host) in enumerate(STATE_ACTORS):
        actor_type = ActorType.objects.get(key=type_key)
        organization, created = Organization.objects.update_or_create(
            name=name,
            state=ctx.state,
            defaults={
                "actor_type": actor_type,
                "description": actor_type.summary.get("de", ""),
                "website": f"https://{host}.rheinland-pfalz.example.org/",
                "email": f"kontakt@{host}.rheinland-pfalz.example.org",
                "phone": f"+49 30 23125 {900 + index:03d}",
                "languages": languages,
                "status": OrganizationStatus.PUBLISHED,
                "last_confirmed_at": timezone.localdate(),
            },
        )
        if created:
            apply_mandate_template(organization)
