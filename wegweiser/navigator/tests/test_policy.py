"""The navigator's recommendations on the demo data (Musterstadt): a rule table and data changes.

Each row: ticked needs → expected actor types in order, the ones that need the person's consent,
and the notices (warnings/rights) shown. The order comes from the mandates in the guidebook and
the policy in navigator/data/policy.json; when either changes on purpose, update this table.
"""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import timezone

from wegweiser.guidebook.models import (
    MandateItem,
    MandateKind,
    MandateNeed,
    Need,
    NeedRole,
    Organization,
    OrganizationStatus,
)
from wegweiser.navigator.services import (
    SECURE,
    UNKNOWN,
    Policy,
    UnknownNeeds,
    load_policy,
    needs_for_keys,
    recommend,
)

TABLE = [  # status unknown (the default)
    (
        "wages_unpaid",
        [
            "union_counselling",
            "counselling_service",
            "labour_court",
            "employment_agency",
            "integration_commissioner",
            "jobcenter",
            "public_order_office",
            "customs_fks",
            "immigration_authority",
            "public_prosecutor",
        ],
        ["customs_fks", "immigration_authority", "public_prosecutor"],
        ["residence_safety", "consent", "wage_deadlines"],
    ),
    (
        "excessive_hours",
        [
            "counselling_service",
            "union_counselling",
            "labour_inspection",
            "employment_agency",
            "labour_court",
            "customs_fks",
        ],
        ["customs_fks"],
        ["residence_safety", "consent", "wage_deadlines"],
    ),
    (
        "documents_withheld",
        ["counselling_service", "immigration_authority", "customs_fks", "police"],
        ["immigration_authority", "customs_fks", "police"],
        ["residence_safety", "consent"],
    ),
    (
        "debts",
        ["counselling_service"],
        [],
        [],
    ),
    (
        "housing_tied_to_job",
        ["counselling_service", "public_order_office", "jobcenter", "labour_inspection"],
        [],
        ["residence_safety"],
    ),
    (
        "no_money_food",
        [
            "counselling_service",
            "shelter",
            "jobcenter",
            "social_welfare_office",
            "employment_agency",
        ],
        [],
        ["residence_safety"],
    ),
    (
        "injured_ill_uninsured",
        [
            "counselling_service",
            "union_counselling",
            "social_welfare_office",
            "labour_inspection",
            "customs_fks",
        ],
        ["customs_fks"],
        ["residence_safety", "consent"],
    ),
    (
        "safe_accommodation",
        [
            "counselling_service",
            "shelter",
            "police",
            "social_welfare_office",
            "public_order_office",
            "integration_commissioner",
            "youth_welfare_office",
        ],
        [],
        ["acute_danger", "residence_safety"],
    ),
    (
        "residence_status",
        [
            "counselling_service",
            "union_counselling",
            "jobcenter",
            "labour_court",
            "immigration_authority",
            "public_prosecutor",
            "police",
        ],
        ["immigration_authority", "public_prosecutor", "police"],
        ["residence_safety", "consent"],
    ),
    (
        "leave_job",
        [
            "counselling_service",
            "union_counselling",
            "shelter",
            "employment_agency",
            "jobcenter",
            "integration_commissioner",
            "immigration_authority",
        ],
        ["immigration_authority"],
        ["residence_safety", "consent"],
    ),
    (
        "threats_violence",
        ["shelter", "counselling_service", "police", "public_prosecutor"],
        [],
        ["acute_danger", "residence_safety"],
    ),
    (
        "report_police",
        [
            "counselling_service",
            "immigration_authority",
            "customs_fks",
            "police",
            "public_prosecutor",
        ],
        ["immigration_authority", "customs_fks", "police", "public_prosecutor"],
        ["residence_safety", "consent"],
    ),
    (
        "children_affected",
        ["counselling_service", "shelter", "youth_welfare_office", "police"],
        ["police"],
        ["residence_safety", "consent"],
    ),
    (
        "wages_unpaid,documents_withheld,housing_tied_to_job",
        [
            "union_counselling",
            "counselling_service",
            "public_order_office",
            "labour_court",
            "employment_agency",
            "jobcenter",
            "labour_inspection",
            "integration_commissioner",
            "customs_fks",
            "immigration_authority",
            "police",
            "public_prosecutor",
        ],
        ["customs_fks", "immigration_authority", "police", "public_prosecutor"],
        ["residence_safety", "consent", "wage_deadlines"],
    ),
    (
        "wages_unpaid,residence_status",
        [
            "counselling_service",
            "union_counselling",
            "labour_court",
            "employment_agency",
            "jobcenter",
            "integration_commissioner",
            "public_order_office",
            "immigration_authority",
            "customs_fks",
            "public_prosecutor",
            "police",
        ],
        ["immigration_authority", "customs_fks", "public_prosecutor", "police"],
        ["residence_safety", "consent", "wage_deadlines"],
    ),
    (
        "threats_violence,report_police",
        [
            "shelter",
            "counselling_service",
            "police",
            "public_prosecutor",
            "customs_fks",
            "immigration_authority",
        ],
        ["immigration_authority"],
        ["acute_danger", "residence_safety"],
    ),
    (
        "report_police,residence_status",
        [
            "counselling_service",
            "union_counselling",
            "jobcenter",
            "labour_court",
            "immigration_authority",
            "customs_fks",
            "police",
            "public_prosecutor",
        ],
        ["immigration_authority", "customs_fks", "police", "public_prosecutor"],
        ["residence_safety", "consent"],
    ),
    (
        "safe_accommodation,threats_violence,documents_withheld",
        [
            "counselling_service",
            "shelter",
            "police",
            "public_prosecutor",
            "social_welfare_office",
            "public_order_office",
            "integration_commissioner",
            "youth_welfare_office",
            "customs_fks",
            "immigration_authority",
        ],
        ["immigration_authority"],
        ["acute_danger", "residence_safety"],
    ),
    (
        "wages_unpaid,excessive_hours,injured_ill_uninsured",
        [
            "union_counselling",
            "counselling_service",
            "labour_inspection",
            "labour_court",
            "employment_agency",
            "social_welfare_office",
            "integration_commissioner",
            "jobcenter",
            "public_order_office",
            "customs_fks",
            "immigration_authority",
            "public_prosecutor",
        ],
        ["customs_fks", "immigration_authority", "public_prosecutor"],
        ["residence_safety", "consent", "wage_deadlines"],
    ),
    (
        "no_money_food,leave_job,residence_status",
        [
            "counselling_service",
            "union_counselling",
            "shelter",
            "jobcenter",
            "social_welfare_office",
            "employment_agency",
            "integration_commissioner",
            "labour_court",
            "immigration_authority",
            "public_prosecutor",
            "police",
        ],
        ["immigration_authority", "public_prosecutor", "police"],
        ["residence_safety", "consent"],
    ),
]

# With a secure residence status the competent authority may come first.
SECURE_TABLE = [
    ("excessive_hours", ["labour_inspection", "counselling_service", "union_counselling"]),
    ("housing_tied_to_job", ["public_order_office", "counselling_service", "jobcenter"]),
]


@pytest.fixture(autouse=True)
def _own_entries_only(request):
    """The tables describe the municipality's own guidebook. The demo's state-wide actors join
    every municipality's answers; `test_state_wide_actors_join_in_policy_order` covers them."""
    if "state_wide" in request.node.name or "world" not in request.fixturenames:
        return
    request.getfixturevalue("world")
    Organization.objects.filter(state__isnull=False).update(archived_at=timezone.now())


def run(world, keys: str, **kwargs):
    kwargs.setdefault("status", UNKNOWN)
    return recommend(world.musterstadt, needs_for_keys(keys.split(",")), language="en", **kwargs)


def test_table_has_enough_rows():
    assert len(TABLE) >= 15


@pytest.mark.parametrize(("keys", "order", "consent", "notices"), TABLE, ids=[r[0] for r in TABLE])
def test_rule_table(world, keys, order, consent, notices):
    result = run(world, keys)
    assert [r.actor_type.key for r in result.recommendations] == order
    assert [r.actor_type.key for r in result.recommendations if r.consent_required] == consent
    assert [n.key for n in result.notices] == notices
    assert [r.position for r in result.recommendations] == list(range(1, len(order) + 1))


@pytest.mark.parametrize(("keys", "order"), SECURE_TABLE, ids=[r[0] for r in SECURE_TABLE])
def test_secure_table_starts_with(world, keys, order):
    result = run(world, keys, status=SECURE)
    assert [r.actor_type.key for r in result.recommendations][: len(order)] == order


@pytest.mark.parametrize(("keys", "order", "consent", "notices"), TABLE, ids=[r[0] for r in TABLE])
def test_policy_invariants(world, keys, order, consent, notices):
    """Whatever the data says, the policy's promises hold."""
    result = run(world, keys)
    recs = result.recommendations
    if not result.acute:
        # Counselling services come before every other body.
        flags = [r.actor_type.counselling for r in recs]
        assert flags == sorted(flags, reverse=True)
        # Bodies that need consent come last.
        flags = [r.consent_required for r in recs]
        assert flags == sorted(flags)
        public = [r.actor_type.public_body for r in recs if not r.consent_required]
        assert public == sorted(public)
    for rec in recs:
        # Every recommendation is explained by at least one mandate text of the organisation.
        assert rec.why and all(s.text for s in rec.why)
        assert rec.organization.status == OrganizationStatus.PUBLISHED


def test_only_organisations_of_the_municipality(world):
    result = recommend(world.beispielstadt, needs_for_keys(["wages_unpaid"]), language="en")
    names = {r.organization.name for r in result.recommendations}
    assert names == {
        "Migrationsberatung Beispielstadt",
        "Jobcenter Beispielstadt",
        "Integrationsbüro Beispielstadt",
        # The customs office serves both demo municipalities.
        "Hauptzollamt Musterstadt – Finanzkontrolle Schwarzarbeit",
    }


def test_reasons_warnings_data_and_bring_come_from_the_mandate(world):
    result = run(world, "residence_status")
    jobcenter = next(r for r in result.recommendations if r.actor_type.key == "jobcenter")
    items = {item.id: item for item in jobcenter.organization.mandate_items.all()}
    assert {s.kind for s in jobcenter.bring} == {"when_to_involve"}
    assert {s.kind for s in jobcenter.data} == {"data_duty"}
    # the § 87 duty to inform is a caution for residence status: shown as a warning
    assert any("§ 87" in s.text and s.role == "caution" for s in jobcenter.warnings)
    for statement in jobcenter.why + jobcenter.warnings:
        assert statement.id in {str(pk) for pk in items}
    assert all(s.role != "caution" for s in jobcenter.why)


def test_texts_follow_the_language_with_german_fallback(world):
    needs = needs_for_keys(["debts"])
    german = recommend(world.musterstadt, needs, language="de").recommendations[0]
    english = recommend(world.musterstadt, needs, language="en").recommendations[0]
    romanian = recommend(world.musterstadt, needs, language="ro").recommendations[0]
    assert german.why[0].text != english.why[0].text
    assert romanian.why[0].text == german.why[0].text  # no Romanian translation: German


def test_removing_a_mandate_need_removes_the_recommendation(world):
    assert run(world, "documents_withheld").recommendations[1].actor_type.key == (
        "immigration_authority"
    )
    MandateNeed.objects.filter(
        item__organization__name="Ausländerbehörde Musterstadt", need__key="documents_withheld"
    ).delete()
    keys = [r.actor_type.key for r in run(world, "documents_withheld").recommendations]
    assert keys == ["counselling_service", "customs_fks", "police"]


def test_adding_a_mandate_need_to_another_org_adds_it_in_policy_order(world):
    union = Organization.objects.get(name="Beratungsstelle Faire Arbeit Musterstadt")
    assert union not in [
        r.organization for r in run(world, "housing_tied_to_job", status=SECURE).recommendations
    ]
    item = MandateItem.objects.create(
        organization=union,
        kind=MandateKind.CAN,
        text="Sie beraten zu Unterkünften, die an den Arbeitsplatz gebunden sind.",
    )
    MandateNeed.objects.create(
        item=item, need=Need.objects.get(key="housing_tied_to_job"), role=NeedRole.ADVISES
    )
    result = run(world, "housing_tied_to_job", status=SECURE)
    # secure status: the competent authority first, then the counselling services (policy order)
    assert result.recommendations[0].actor_type.key == "public_order_office"
    added = next(r for r in result.recommendations if r.organization == union)
    assert added.position == 3  # after the other counselling service, before the job centre
    assert [s.text for s in added.why] == [item.text]


def test_a_new_caution_moves_an_org_behind_the_others(world):
    before = [r.actor_type.key for r in run(world, "leave_job", status=SECURE).recommendations]
    assert before.index("employment_agency") < before.index("integration_commissioner")
    agency = Organization.objects.get(name="Agentur für Arbeit Musterstadt")
    item = agency.mandate_items.filter(kind=MandateKind.DATA_DUTY).first()
    MandateNeed.objects.create(
        item=item, need=Need.objects.get(key="report_police"), role=NeedRole.CAUTION
    )
    result = run(world, "leave_job", status=SECURE)
    after = [r.actor_type.key for r in result.recommendations]
    assert after[-1] == "employment_agency"
    assert result.recommendations[-1].consent_required
    assert "consent" in [n.key for n in result.notices]


def test_unpublished_organisations_are_not_recommended(world):
    Organization.objects.filter(pk=world.counselling.pk).update(status=OrganizationStatus.DRAFT)
    keys = [r.actor_type.key for r in run(world, "debts").recommendations]
    assert keys == []


def test_policy_is_data(world):
    """Changing the policy data changes the order: no actor is named in code."""
    policy = load_policy()
    no_counselling_first = dataclasses.replace(
        policy, rules=tuple(r for r in policy.rules if r.key != "counselling_early")
    )
    keys = [
        r.actor_type.key
        for r in run(
            world, "wages_unpaid", policy=no_counselling_first, status=SECURE
        ).recommendations
    ]
    assert keys.index("employment_agency") < keys.index("counselling_service")
    data = {
        "role_score": {"acts": 0, "advises": 0, "must_be_informed": 0},
        "rules": [
            {"key": "public_first", "match": {"actor_type": {"public_body": True}}, "score": -5}
        ],
        "notices": [],
    }
    keys = [
        r.actor_type.key
        for r in run(world, "debts,wages_unpaid", policy=Policy.from_data(data)).recommendations
    ]
    assert keys[-2:] == ["counselling_service", "union_counselling"]


def test_unknown_needs_are_reported(db):
    with pytest.raises(UnknownNeeds) as error:
        needs_for_keys(["wages_unpaid", "nope", "also_nope"])
    assert error.value.keys == ["also_nope", "nope"]


@pytest.mark.parametrize(("keys", "order", "consent", "notices"), TABLE, ids=[r[0] for r in TABLE])
def test_state_wide_actors_join_in_policy_order(world, keys, order, consent, notices):
    """With the demo's state-wide actors (Organization.state) the answers keep every promise of the
    policy; for unpaid wages the state-wide counselling service is recommended with the local ones."""
    test_policy_invariants(world, keys, order, consent, notices)
    if keys == "wages_unpaid":
        names = {r.organization.name for r in run(world, keys).recommendations}
        assert "Faire Integration Rheinland-Pfalz" in names
