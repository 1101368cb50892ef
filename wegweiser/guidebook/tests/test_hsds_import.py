"""HSDS import: round trips by UUID, dry runs, and every rejected record with its reason."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from wegweiser.cases.models import Case
from wegweiser.guidebook.exports import hsds, hsds_import, hsds_schema, serializers
from wegweiser.guidebook.models import (
    ContactPerson,
    Location,
    MandateItem,
    Organization,
)
from wegweiser.network.models import CooperationAgreement

from .test_exports_helpers import empty_municipality, valid_document

pytestmark = pytest.mark.usefixtures("english_exports")


# --- HSDS import --------------------------------------------------------------------------------


def _comparable(municipality):
    data = serializers.formal_guidebook(municipality)
    data.pop("municipality")
    return data


def test_round_trip_into_anempty_municipality(world):
    before = _comparable(world.musterstadt)
    document = json.loads(json.dumps(hsds.export_document(world.musterstadt)))
    # Start from nothing: the organisations of Musterstadt (and the demo cases and cooperation
    # agreements that protect them from deletion) are gone before the import.
    Case.objects.all().delete()
    CooperationAgreement.objects.all().delete()
    Organization.objects.filter(municipalities=world.musterstadt).delete()
    target = empty_municipality(world)
    report = hsds_import.import_hsds(json.dumps(document), target)
    assert report.ok, report.errors
    # The state's state-wide actors are in every guidebook of the state already: left unchanged.
    state_wide = [o for o in before["organizations"] if o["state_wide"]]
    assert len(state_wide) == 2 and len(report.warnings) == 2
    assert len(report.created) == len(before["organizations"]) - len(state_wide)
    assert _comparable(target) == before
    assert not Organization.objects.filter(state__isnull=False, municipalities__isnull=False)


def test_reimport_updates_by_uuid_and_is_idempotent(world):
    document = hsds.export_document(world.musterstadt)
    count = Organization.objects.count()
    changed = copy.deepcopy(document)
    changed["organizations"][0]["name"] = "Umbenannte Beratungsstelle"
    report = hsds_import.import_hsds(json.dumps(changed), world.musterstadt)
    state_wide = Organization.objects.filter(state__isnull=False).count()
    assert report.ok and len(report.updated) == len(document["organizations"]) - state_wide
    assert Organization.objects.count() == count
    assert Organization.objects.filter(name="Umbenannte Beratungsstelle").exists()
    # Internal notes and contact persons are not part of the exchange and stay untouched.
    assert ContactPerson.objects.filter(name="Jonas Jobcenter").exists()


def test_dry_run_changes_nothing(world):
    document = hsds.export_document(world.musterstadt)
    target = empty_municipality(world)
    report = hsds_import.import_hsds(json.dumps(document), target, dry_run=True)
    assert report.ok and report.dry_run
    assert not Organization.objects.filter(municipalities=target).exists()


def _assert_rejected(world, raw, expected_reason):
    target = empty_municipality(world)
    before = (Organization.objects.count(), MandateItem.objects.count(), Location.objects.count())
    report = hsds_import.import_hsds(raw, target)
    assert not report.ok
    reasons = " | ".join(str(problem) for problem in report.errors)
    assert expected_reason in reasons, reasons
    after = (Organization.objects.count(), MandateItem.objects.count(), Location.objects.count())
    assert after == before, "a rejected import changed data"
    assert not Organization.objects.filter(municipalities=target).exists()
    return report


def test_rejects_invalid_json(world):
    _assert_rejected(world, b'{"organizations": [', "not valid JSON")
    _assert_rejected(world, b"\xff\xfe", "not valid JSON")


def test_rejects_too_large_files(world, settings):
    settings.WEGWEISER_HSDS_MAX_BYTES = 100
    _assert_rejected(world, json.dumps(valid_document(world)), "too large")


def test_rejects_wrong_shapes(world):
    _assert_rejected(world, "42", "no list of organizations")
    _assert_rejected(world, '{"organizations": []}', "no organizations")
    _assert_rejected(world, '{"organizations": [1]}', "not a JSON object")


def test_rejects_wrong_types_and_missing_fields_with_every_record(world):
    document = valid_document(world)
    document["organizations"][0]["name"] = 17
    del document["organizations"][1]["description"]
    document["organizations"][2]["services"][0]["wegweiser"]["mandate"][0]["kind"] = "maybe"
    document["organizations"][3]["id"] = "not-a-uuid"
    report = _assert_rejected(world, json.dumps(document), "17 is not of type 'string'")
    reasons = " | ".join(str(problem) for problem in report.errors)
    assert "'description' is a required property" in reasons
    assert "'maybe' is not one of" in reasons
    assert "'not-a-uuid' is not a 'uuid'" in reasons
    records = {problem.record.split(" ")[0] for problem in report.errors}
    assert records == {f"organizations[{i}]" for i in range(4)}


def test_rejects_unknown_vocabulary(world):
    document = valid_document(world)
    document["organizations"][0]["wegweiser"]["actor_type"] = "ministry_of_magic"
    mandate = document["organizations"][1]["services"][0]["wegweiser"]["mandate"]
    mandate[0]["needs"] = [{"key": "flying_carpet", "role": "acts"}]
    report = _assert_rejected(world, json.dumps(document), "unknown actor type “ministry_of_magic”")
    assert "unknown need “flying_carpet”" in " | ".join(str(p) for p in report.errors)


def test_rejects_duplicate_and_foreign_identifiers(world):
    document = valid_document(world)
    document["organizations"][1]["id"] = document["organizations"][0]["id"]
    _assert_rejected(world, json.dumps(document), "appears more than once")
    document = valid_document(world)
    # A location of another organisation smuggled into the first one.
    first, second = [o for o in document["organizations"] if o["locations"]][:2]
    foreign = second["locations"][0]
    first["locations"] = [foreign]
    second["locations"] = []
    _assert_rejected(world, json.dumps(document), "belongs to another organisation")


def test_rejects_other_hsds_objects_and_plain_data_without_actor_type(world):
    with open(hsds_schema.SCHEMA_DIR / "organization.json") as handle:
        handle.read()  # the vendored schemas are there
    service = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "Counselling",
        "status": "active",
    }
    _assert_rejected(world, json.dumps(service), "is an HSDS service, not an organization")
    plain = {
        "id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
        "name": "Example Organization Inc.",
        "description": "An organisation from another HSDS system.",
        "contacts": [{"id": "1e7efce3-639b-4880-940c-b95cd30cdb50", "name": "Ann Persona"}],
    }
    _assert_rejected(world, json.dumps(plain), "no actor type")
    target = empty_municipality(world, slug="zweitstadt", ags="07999098")
    report = hsds_import.import_hsds(
        json.dumps(plain), target, default_actor_type="counselling_service"
    )
    assert report.ok and report.created == ["Example Organization Inc."]
    assert any("consent" in str(problem) for problem in report.warnings)
    assert not ContactPerson.objects.filter(name="Ann Persona").exists()


def test_import_command_reports_and_changes_nothing_on_errors(tmp_path, world):
    bad = tmp_path / "bad.json"
    document = valid_document(world)
    document["organizations"][0]["wegweiser"]["actor_type"] = "nonsense"
    bad.write_text(json.dumps(document))
    target = empty_municipality(world)
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("hsds_import", str(bad), municipality=target.slug)
    assert not Organization.objects.filter(municipalities=target).exists()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(valid_document(world)))
    call_command("hsds_import", str(good), municipality=target.slug, dry_run=True)
    assert not Organization.objects.filter(municipalities=target).exists()
    call_command("hsds_import", str(good), municipality=target.slug)
    # State-wide actors stay the state's (they are in the target's guidebook through its state).
    state_wide = Organization.objects.filter(state__isnull=False).count()
    assert (
        Organization.objects.filter(municipalities=target).count()
        == len(document["organizations"]) - state_wide
    )
