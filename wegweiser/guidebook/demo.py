"""Demo guidebooks for Musterstadt and Beispielstadt. All contact data is fictional.

Phone numbers come from the range +49 30 23125 xxx that the Federal Network Agency keeps free for
fiction; e-mail addresses use example.org.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from .models import ActorType, ContactPerson, Location, Organization, OrganizationStatus
from .services import apply_mandate_template
from .vocabulary import sync_vocabulary

# (key of the municipality, actor type, name, languages, street, opening hours, contact person)
MUSTERSTADT = [
    (
        "counselling_service",
        "Fachberatungsstelle Arbeit und Würde",
        ["de", "en", "ro", "bg", "pl", "ar"],
        "Lindenstraße 12",
        "Mo–Do 9–16 Uhr, Fr 9–13 Uhr; Termine auch abends nach Absprache",
        ("Ana Popescu", "Beraterin (Rumänisch, Englisch)"),
    ),
    (
        "union_counselling",
        "Beratungsstelle Faire Arbeit Musterstadt",
        ["de", "ro", "bg", "pl", "hu"],
        "Gewerkschaftshaus, Am Markt 3",
        "Di und Do 10–18 Uhr",
        ("Piotr Nowak", "Berater (Polnisch)"),
    ),
    (
        "integration_commissioner",
        "Integrationsbeauftragte der Stadt Musterstadt",
        ["de", "en", "tr"],
        "Rathaus, Rathausplatz 1",
        "Mo–Fr 8–12 Uhr",
        ("Miriam Koordinatorin", "Integrationsbeauftragte"),
    ),
    (
        "jobcenter",
        "Jobcenter Musterstadt",
        ["de", "en", "ar"],
        "Bahnhofstraße 40",
        "Mo–Mi 8–12 Uhr, Do 8–18 Uhr",
        ("Jonas Jobcenter", "Arbeitsvermittler, Ansprechperson Menschenhandel"),
    ),
    (
        "employment_agency",
        "Agentur für Arbeit Musterstadt",
        ["de", "en"],
        "Bahnhofstraße 42",
        "Mo–Fr 8–12:30 Uhr",
        None,
    ),
    (
        "social_welfare_office",
        "Sozialamt der Stadt Musterstadt",
        ["de", "en"],
        "Rathaus, Rathausplatz 1",
        "Mo, Di, Do 8–12 Uhr",
        ("Sven Sozial", "Sachgebietsleitung Hilfe zum Lebensunterhalt"),
    ),
    (
        "immigration_authority",
        "Ausländerbehörde Musterstadt",
        ["de", "en"],
        "Schillerstraße 5",
        "Nur mit Termin",
        ("Aylin Demir", "Sachbearbeitung humanitäre Aufenthaltstitel"),
    ),
    (
        "public_order_office",
        "Ordnungsamt Musterstadt",
        ["de"],
        "Schillerstraße 7",
        "Mo–Fr 8–12 Uhr",
        None,
    ),
    (
        "labour_inspection",
        "Gewerbeaufsicht – Regionalstelle Musterstadt",
        ["de", "en"],
        "Industriestraße 9",
        "Mo–Fr 8–15 Uhr",
        None,
    ),
    (
        "police",
        "Polizeipräsidium Musterstadt – Fachkommissariat Menschenhandel",
        ["de", "en"],
        "Polizeiplatz 2",
        "Rund um die Uhr erreichbar (Notruf 110)",
        ("KHK Peter Paulsen", "Fachkommissariat 12"),
    ),
    (
        "customs_fks",
        "Hauptzollamt Musterstadt – Finanzkontrolle Schwarzarbeit",
        ["de", "en"],
        "Zollhof 1",
        "Mo–Fr 8–15 Uhr",
        ("Zollamtfrau Katrin Kühn", "Sachgebiet Prüfungen und Ermittlungen"),
    ),
    (
        "public_prosecutor",
        "Staatsanwaltschaft Musterstadt",
        ["de"],
        "Justizplatz 1",
        "Mo–Fr 8–15 Uhr",
        None,
    ),
    (
        "labour_court",
        "Arbeitsgericht Musterstadt – Rechtsantragstelle",
        ["de"],
        "Justizplatz 3",
        "Mo–Fr 9–12 Uhr",
        None,
    ),
    (
        "youth_welfare_office",
        "Jugendamt der Stadt Musterstadt",
        ["de", "en"],
        "Rathaus, Rathausplatz 1",
        "Mo–Fr 8–12 Uhr; bei akuter Gefahr für ein Kind rund um die Uhr über die Polizei",
        None,
    ),
    (
        "shelter",
        "Schutzwohnung für Betroffene von Menschenhandel",
        ["de", "en", "ro", "uk", "ru"],
        "",
        "Aufnahme über die Fachberatungsstelle, rund um die Uhr",
        None,
    ),
]

BEISPIELSTADT = [
    ("jobcenter", "Jobcenter Beispielstadt", ["de"], "Hauptstraße 10", "Mo–Fr 8–12 Uhr", None),
    (
        "integration_commissioner",
        "Integrationsbüro Beispielstadt",
        ["de", "en"],
        "Rathaus",
        "Mo–Do 9–15 Uhr",
        None,
    ),
    (
        "counselling_service",
        "Migrationsberatung Beispielstadt",
        ["de", "en", "ru", "uk"],
        "Kirchgasse 4",
        "Mi 10–16 Uhr",
        None,
    ),
]

PHONE_BASE = 100  # +49 30 23125 100 …


def load(ctx) -> None:
    sync_vocabulary()
    today = timezone.localdate()
    beispielstadt = ctx.municipalities["beispielstadt"]
    counter = PHONE_BASE
    for slug, entries in (("musterstadt", MUSTERSTADT), ("beispielstadt", BEISPIELSTADT)):
        municipality = ctx.municipalities[slug]
        postal = "55555" if slug == "musterstadt" else "55566"
        for index, (type_key, name, languages, street, hours, person) in enumerate(entries):
            counter += 1
            actor_type = ActorType.objects.get(key=type_key)
            confidential = type_key == "shelter"
            organization, created = Organization.objects.update_or_create(
                name=name,
                defaults={
                    "actor_type": actor_type,
                    "description": actor_type.summary.get("de", ""),
                    "website": f"https://{type_key.replace('_', '-')}.{slug}.example.org/",
                    "email": f"kontakt@{type_key.replace('_', '-')}.{slug}.example.org",
                    "phone": f"+49 30 23125 {counter:03d}",
                    "languages": languages,
                    "confidential_address": confidential,
                    "status": OrganizationStatus.PUBLISHED,
                    # One entry is left stale on purpose, so the freshness warning can be seen.
                    "last_confirmed_at": today
                    - datetime.timedelta(days=300 if index == 5 else 20 + index),
                },
            )
            organization.municipalities.add(municipality)
            if type_key == "customs_fks":
                # The customs office serves both demo municipalities.
                organization.municipalities.add(beispielstadt)
            if created:
                _first_details(organization, municipality, postal, street, hours, person, counter)
            ctx.organizations[(slug, type_key)] = organization
    # Musterstadt's FKS also appears in Beispielstadt's guidebook.
    ctx.organizations[("beispielstadt", "customs_fks")] = ctx.organizations[
        ("musterstadt", "customs_fks")
    ]
    _state_wide_actors(ctx)


# State-wide actors of Rheinland-Pfalz: one record each, shown as "state-wide" in both demo
# guidebooks; the state round table (network demo) and its agreements refer to them by name.
# actor type, name, languages, host part of the fictional web and mail addresses
STATE_WIDE_ACTORS = [
    ("police", "Landeskriminalamt Rheinland-Pfalz", ["de", "en"], "lka"),
    ("counselling_service", "Faire Integration Rheinland-Pfalz", ["de", "en", "ar", "ru"], "fi"),
]


def _state_wide_actors(ctx) -> None:
    for index, (type_key, name, languages, host) in enumerate(STATE_WIDE_ACTORS):
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
        ctx.organizations[("state", type_key)] = organization


def _first_details(organization, municipality, postal, street, hours, person, counter) -> None:
    """A new demo entry's mandate template, address (none for a shelter) and contact person."""
    type_key, slug, name = organization.actor_type.key, municipality.slug, organization.name
    apply_mandate_template(organization)
    if not organization.confidential_address:
        Location.objects.create(
            organization=organization,
            name=name,
            street=street,
            postal_code=postal,
            city=municipality.name,
            opening_hours=hours,
            accessibility="Stufenloser Zugang, Aufzug vorhanden",
        )
    if person:
        person_name, function = person
        ContactPerson.objects.create(
            organization=organization,
            name=person_name,
            function=function,
            phone=f"+49 30 23125 {counter + 500:03d}",
            email=f"{person_name.split()[-1].lower()}@{type_key.replace('_', '-')}.{slug}.example.org",
            practical_note="Am besten vormittags anrufen; bei Abwesenheit übernimmt die Vertretung.",
            consent_given_at=timezone.localdate() - datetime.timedelta(days=40),
            consent_how="Schriftlich im Workshop II",
        )
