"""The ILO/EC combination rule (navigator/indicators.py): boundary cases for every term."""

from __future__ import annotations

import pytest

from wegweiser.guidebook.vocabulary import load_json
from wegweiser.navigator.indicators import UnknownIndicator, assess, term_met

DATA = load_json("indicators.json")


def keys(dimension: str, strength: str, count: int) -> list[str]:
    """The first `count` indicator keys of one strength in a dimension (fails if too few)."""
    found = [
        item["key"]
        for dim in DATA["dimensions"]
        if dim["key"] == dimension
        for item in dim["indicators"]
        if item["strength"] == strength
    ]
    assert len(found) >= count, f"{dimension} has only {len(found)} {strength} indicators"
    return found[:count]


def positive(dimension: str, ticked: list[str]) -> bool:
    result = assess(DATA, ticked)
    return next(d for d in result.dimensions if d.key == dimension).positive


# coercion_at_destination has strong, medium and weak indicators: every term can be tested there.
DIM = "coercion_at_destination"


@pytest.mark.parametrize(
    ("strong", "medium", "weak", "expected"),
    [
        (0, 0, 0, False),
        # 2 strong
        (1, 0, 0, False),
        (2, 0, 0, True),
        # 1 strong + 1 medium or weak
        (1, 1, 0, True),
        (1, 0, 1, True),
        # 3 medium
        (0, 2, 0, False),
        (0, 3, 0, True),
        # 2 medium + 1 weak
        (0, 1, 1, False),
        (0, 2, 1, True),
        # weak indicators alone never suffice
        (0, 0, 1, False),
    ],
)
def test_dimension_rule_boundaries(strong, medium, weak, expected):
    ticked = keys(DIM, "strong", strong) + keys(DIM, "medium", medium) + keys(DIM, "weak", weak)
    assert positive(DIM, ticked) is expected


def test_medium_and_weak_alone_in_a_dimension_without_strong_indicators():
    dimension = "abuse_of_vulnerability_at_destination"
    assert not positive(dimension, keys(dimension, "medium", 1) + keys(dimension, "weak", 2))
    assert positive(dimension, keys(dimension, "medium", 2) + keys(dimension, "weak", 1))


def test_term_met_does_not_count_one_indicator_twice():
    from collections import Counter

    # {"strong": 1, "medium_or_weak": 1}: a single strong indicator must not fill both parts.
    assert not term_met(Counter(strong=1), {"strong": 1, "medium_or_weak": 1})
    assert term_met(Counter(strong=1, weak=1), {"strong": 1, "medium_or_weak": 1})
    assert not term_met(Counter(medium=2), {"medium": 2, "weak": 1})


def test_the_rule_terms_come_from_the_data_file():
    data = {**DATA, "rule": {**DATA["rule"], "dimension_positive": [{"strong": 1}]}}
    assert assess(data, keys(DIM, "strong", 1)).dimensions[4].positive


RECRUITMENT = keys("deceptive_recruitment", "strong", 1) + keys(
    "deceptive_recruitment", "medium", 1
)
EXPLOITATION = keys("exploitative_conditions", "strong", 1) + keys(
    "exploitative_conditions", "medium", 1
)
COERCION = keys(DIM, "strong", 2)


@pytest.mark.parametrize(
    ("ticked", "overall"),
    [
        (RECRUITMENT + EXPLOITATION + COERCION, True),
        (EXPLOITATION + COERCION, False),  # no recruitment dimension
        (RECRUITMENT + COERCION, False),  # no exploitative conditions
        (RECRUITMENT + EXPLOITATION, False),  # no coercion
        # just below: exploitation has one strong indicator only
        (RECRUITMENT + EXPLOITATION[:1] + COERCION, False),
        # another recruitment dimension counts as well
        (keys("coercive_recruitment", "medium", 3) + EXPLOITATION + COERCION, True),
        # abuse of vulnerability at destination counts as coercion
        (
            RECRUITMENT + EXPLOITATION + keys("abuse_of_vulnerability_at_destination", "medium", 3),
            True,
        ),
    ],
)
def test_overall_rule(ticked, overall):
    result = assess(DATA, ticked)
    assert result.overall is overall
    assert result.overall is all(result.groups.values())


def test_groups_are_reported_per_area():
    result = assess(DATA, RECRUITMENT + COERCION)
    assert result.groups == {"recruitment": True, "exploitation": False, "coercion": True}
    assert not result.overall


def test_needs_of_ticked_indicators_are_collected_in_order():
    result = assess(DATA, ["confiscation_of_documents", "low_or_no_salary"])
    assert "documents_withheld" in result.needs
    assert "wages_unpaid" in result.needs
    assert len(result.needs) == len(set(result.needs))


def test_unknown_indicator_is_rejected():
    with pytest.raises(UnknownIndicator) as error:
        assess(DATA, ["confiscation_of_documents", "made_up"])
    assert error.value.keys == ["made_up"]
