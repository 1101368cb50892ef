"""Fuzzing the HSDS import: arbitrary input is answered with a report, never an exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegweiser.guidebook.exports import hsds, hsds_import
from wegweiser.guidebook.exports.hsds_read import MAPPED_FIELDS
from wegweiser.guidebook.models import Organization

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=15,
)
# Every field the import reads, plus the named contacts it must refuse.
FIELDS = [*sorted(MAPPED_FIELDS - {"metadata"}), "contacts"]
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(value=JSON)
def test_arbitrary_json_is_rejected_with_reasons(world, value):
    report = hsds_import.import_hsds(json.dumps(value), world.beispielstadt)
    assert not report.ok
    assert all(problem.reason for problem in report.errors)


@FUZZ
@given(field=st.sampled_from(FIELDS), value=JSON, index=st.integers(min_value=0, max_value=3))
def test_a_broken_field_never_crashes_the_import(world, field, value, index):
    document = hsds.export_document(world.musterstadt)
    document["organizations"][index][field] = value
    before = Organization.objects.count()
    report = hsds_import.import_hsds(json.dumps(document), world.beispielstadt, dry_run=True)
    assert report.ok or report.errors
    assert Organization.objects.count() == before
