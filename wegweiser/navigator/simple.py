"""Simple mode for workers: counselling services of the municipality and nationwide fallbacks.

A worker is only ever pointed to non-state services here; where a municipality lists none, the
nationwide non-state contacts of `guidebook/data/fallback_contacts.json` are shown (never a town
hall or job centre: public bodies must inform the immigration office, § 87 AufenthG).
"""

from __future__ import annotations

from dataclasses import dataclass

from wegweiser.guidebook.models import (
    Location,
    Need,
    NeedRole,
    Organization,
    localized,
)
from wegweiser.guidebook.selectors import published_counselling_services
from wegweiser.guidebook.vocabulary import load_json


@dataclass
class HelpService:
    organization: Organization
    speaks_language: bool
    serves_selection: bool
    locations: list[Location]


def counselling_services(municipality, needs: list[Need], language: str) -> list[HelpService]:
    """Published counselling services of the municipality; those speaking the language first.

    With needs ticked, services whose mandate serves one of them (not only with a caution) come
    before the others; nobody is hidden, so a worker always sees somewhere to turn.
    """
    need_keys = {need.key for need in needs}
    services = []
    for organization in published_counselling_services(municipality=municipality):
        serves = any(
            link.need.key in need_keys and link.role != NeedRole.CAUTION
            for item in organization.mandate_items.all()
            for link in item.need_links.all()
        )
        services.append(
            HelpService(
                organization=organization,
                speaks_language=language in (organization.languages or []),
                serves_selection=serves,
                locations=[]
                if organization.confidential_address
                else list(organization.locations.all()),
            )
        )
    services.sort(
        key=lambda s: (
            not s.speaks_language,
            bool(need_keys) and not s.serves_selection,
            s.organization.actor_type.order,
            s.organization.name.lower(),
        )
    )
    return services


@dataclass
class FallbackContact:
    key: str
    name: str
    url: str
    description: str
    description_language: str
    speaks_language: bool
    source: str
    as_of: str


def fallback_contacts(language: str, audience: str = "workers") -> list[FallbackContact]:
    """Nationwide non-state contacts for the audience; those speaking the language first."""
    contacts = []
    for entry in load_json("fallback_contacts.json")["contacts"]:
        if entry.get("public_body", True) or audience not in entry.get("audience", []):
            continue  # a public body is never a fallback contact
        description = entry["description"]
        contacts.append(
            FallbackContact(
                key=entry["key"],
                name=entry["name"],
                url=entry["url"],
                description=localized(description, language),
                description_language=language if description.get(language) else "de",
                speaks_language=language in entry.get("languages", []),
                source=entry["source"],
                as_of=entry["as_of"],
            )
        )
    contacts.sort(key=lambda contact: not contact.speaks_language)
    return contacts
