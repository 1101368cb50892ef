"""Safe first contact (issue 9, DESIGN.md §6b'): nothing leads a worker into a report she did not choose.

The first three tests reproduce what a tester saw; the matrix checks the promises for every need
alone and for common combinations, under each of the three residence-status values.
"""

from __future__ import annotations

import pytest

from wegweiser.guidebook.models import Need
from wegweiser.navigator.services import (
    RESIDENCE_STATUSES,
    SECURE,
    UNCLEAR,
    UNKNOWN,
    InvalidStatus,
    load_policy,
    needs_for_keys,
    parse_status,
    recommend,
)

NEED_KEYS = [
    "wages_unpaid",
    "excessive_hours",
    "documents_withheld",
    "debts",
    "housing_tied_to_job",
    "no_money_food",
    "injured_ill_uninsured",
    "safe_accommodation",
    "residence_status",
    "leave_job",
    "threats_violence",
    "report_police",
    "children_affected",
]
COMBINATIONS = [
    "wages_unpaid,documents_withheld",
    "wages_unpaid,documents_withheld,housing_tied_to_job",
    "wages_unpaid,excessive_hours",
    "wages_unpaid,excessive_hours,injured_ill_uninsured",
    "wages_unpaid,residence_status",
    "documents_withheld,housing_tied_to_job",
    "excessive_hours,housing_tied_to_job",
    "threats_violence,report_police",
    "report_police,residence_status",
    "safe_accommodation,threats_violence,documents_withheld",
    "no_money_food,leave_job,residence_status",
    "children_affected,threats_violence",
    "debts,documents_withheld,leave_job",
]


def investigating_types() -> set[str]:
    """Actor types the policy data names as bodies that must investigate (not listed in code)."""
    rule = next(r for r in load_policy().rules if r.key == "investigation_only_with_consent")
    return set(rule.match["actor_types"])


def run(world, keys: str, status: str = UNKNOWN, municipality=None):
    return recommend(
        municipality or world.musterstadt,
        needs_for_keys(keys.split(",")),
        status=status,
        language="en",
    )


def keys_of(result) -> list[str]:
    return [r.actor_type.key for r in result.recommendations]


def test_every_need_is_in_the_matrix(db):
    assert set(NEED_KEYS) == set(Need.objects.values_list("key", flat=True))


# --- the tester's findings ----------------------------------------------------------------------


def test_passport_withheld_immigration_office_not_second_and_marked(world):
    result = run(world, "documents_withheld")
    recs = {r.actor_type.key: r for r in result.recommendations}
    assert keys_of(result)[0] == "counselling_service"
    immigration = recs["immigration_authority"]
    assert immigration.consent_required
    assert immigration.card_warnings  # the § 87 warning on its card
    # after every body that can be involved without consent
    assert immigration.position > max(
        r.position for r in result.recommendations if not r.consent_required
    )
    assert "residence_safety" in [n.key for n in result.notices]


def test_housing_tied_to_job_starts_with_a_non_state_service(world):
    result = run(world, "housing_tied_to_job")
    first = result.recommendations[0]
    assert first.actor_type.counselling and not first.actor_type.public_body
    assert keys_of(result).index("jobcenter") > 0


def test_customs_fks_is_consent_marked(world):
    for keys in ["wages_unpaid", "documents_withheld", "excessive_hours"]:
        for status in RESIDENCE_STATUSES:
            fks = next(
                r
                for r in run(world, keys, status).recommendations
                if r.actor_type.key == "customs_fks"
            )
            assert fks.consent_required, (keys, status)


def test_secure_status_puts_the_labour_inspectorate_first_for_excessive_hours(world):
    assert keys_of(run(world, "excessive_hours", SECURE))[0] == "labour_inspection"
    assert keys_of(run(world, "excessive_hours", UNKNOWN))[0] == "counselling_service"


# --- the status input ---------------------------------------------------------------------------


def test_unknown_is_the_default_and_treated_like_unclear(world):
    assert parse_status("") == UNKNOWN and parse_status(None) == UNKNOWN
    default = run(world, "wages_unpaid")
    unclear = run(world, "wages_unpaid", UNCLEAR)
    assert default.status == UNKNOWN
    assert keys_of(default) == keys_of(unclear)
    assert [n.key for n in default.notices] == [n.key for n in unclear.notices]


def test_invalid_status_is_rejected():
    with pytest.raises(InvalidStatus):
        parse_status("illegal")


def test_ticking_residence_status_overrides_secure(world):
    result = run(world, "wages_unpaid,residence_status", SECURE)
    assert result.status == UNCLEAR
    assert "residence_safety" in [n.key for n in result.notices]


def test_secure_status_has_no_residence_notice_or_card_warning(world):
    result = run(world, "wages_unpaid", SECURE)
    assert "residence_safety" not in [n.key for n in result.notices]
    assert not any(r.card_warnings for r in result.recommendations)
    assert not next(
        r for r in result.recommendations if r.actor_type.key == "immigration_authority"
    ).consent_required


def test_notices_carry_source_and_date(db):
    for notice in load_policy().notices:
        assert notice.source and notice.as_of, notice.key


# --- the matrix ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [UNKNOWN, UNCLEAR])
@pytest.mark.parametrize("keys", NEED_KEYS + COMBINATIONS)
def test_not_secure_promises(world, keys, status):
    result = run(world, keys, status)
    recs = result.recommendations
    assert recs, keys
    first = recs[0].actor_type
    assert first.counselling and not first.public_body, keys_of(result)
    for rec in recs:
        if rec.actor_type.public_body:
            assert rec.consent_required or rec.card_warnings, rec.actor_type.key
        if rec.actor_type.key in investigating_types() and not result.acute:
            assert rec.consent_required, rec.actor_type.key
        if rec.actor_type.key == "immigration_authority":
            assert rec.consent_required
        assert rec.why and all(s.text for s in rec.why)
    notice_keys = [n.key for n in result.notices]
    public_listed = any(r.actor_type.public_body for r in recs)
    assert ("residence_safety" in notice_keys) == public_listed
    assert len(notice_keys) == len(set(notice_keys))
    if not result.acute:
        # bodies that need consent come after all others
        flags = [r.consent_required for r in recs]
        assert flags == sorted(flags)
        # non-state bodies come before public ones among those without consent mark
        public = [r.actor_type.public_body for r in recs if not r.consent_required]
        assert public == sorted(public)
    assert [r.position for r in recs] == list(range(1, len(recs) + 1))


@pytest.mark.parametrize("keys", NEED_KEYS + COMBINATIONS)
def test_secure_promises(world, keys):
    result = run(world, keys, SECURE)
    if "residence_status" in keys:
        assert result.status == UNCLEAR
        return
    assert "residence_safety" not in [n.key for n in result.notices]
    for rec in result.recommendations:
        if rec.actor_type.key in investigating_types() and not result.acute:
            assert rec.consent_required, rec.actor_type.key


def test_municipality_without_public_bodies_has_no_residence_notice(world):
    from wegweiser.guidebook.models import Organization, OrganizationStatus

    Organization.objects.filter(actor_type__public_body=True).update(
        status=OrganizationStatus.DRAFT
    )
    result = run(world, "wages_unpaid")
    assert all(not r.actor_type.public_body for r in result.recommendations)
    assert "residence_safety" not in [n.key for n in result.notices]


# --- pages --------------------------------------------------------------------------------------


def test_professional_page_has_the_status_input_and_marks(client, world):
    html = client.get(
        "/en/m/musterstadt/navigator/", {"needs": "documents_withheld"}
    ).content.decode()
    assert 'name="status" value="unknown" id="status-unknown" checked' in html
    assert "§ 87 duty to inform" in html and "only with the person&#x27;s consent" in html
    secure = client.get(
        "/en/m/musterstadt/navigator/", {"needs": "excessive_hours", "status": "secure"}
    ).content.decode()
    assert 'value="secure" id="status-secure" checked' in secure
    assert "§ 87 duty to inform" not in secure
    assert "status=secure" in secure  # the referral-sheet link keeps the status


def test_bad_status_is_400_with_a_message(client, world):
    response = client.get("/en/m/musterstadt/navigator/", {"needs": "debts", "status": "x"})
    assert response.status_code == 400
    assert "Unknown residence status" in response.content.decode()


def test_simple_mode_without_counselling_shows_non_state_fallbacks(client, world):
    from wegweiser.guidebook.models import Organization, OrganizationStatus

    serving = Organization.objects.serving(world.beispielstadt).values("pk")
    Organization.objects.filter(actor_type__counselling=True, pk__in=serving).update(
        status=OrganizationStatus.DRAFT
    )
    html = client.get("/ro/m/beispielstadt/help/").content.decode()
    assert "Faire Mobilität" in html and "https://www.faire-mobilitaet.de" in html
    assert "Servicestelle" not in html  # for professionals only
    assert "Jobcenter Beispielstadt" not in html and "Integrationsbüro" not in html


def test_children_affected_lists_the_youth_welfare_office_warned(world):
    result = run(world, "children_affected")
    jugendamt = next(
        r for r in result.recommendations if r.actor_type.key == "youth_welfare_office"
    )
    assert jugendamt.card_warnings and not jugendamt.consent_required
    assert keys_of(run(world, "children_affected", SECURE))[0] == "youth_welfare_office"


def test_specialised_units_are_investigating_bodies(db):
    from wegweiser.guidebook.models import ActorType

    for key in ("police_trafficking_unit", "prosecution_trafficking_unit"):
        assert ActorType.objects.get(key=key).public_body
        assert key in investigating_types()
