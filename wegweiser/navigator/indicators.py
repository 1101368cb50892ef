"""The combination rule of the ILO/European Commission operational indicators (pure, no Django).

The indicators and the rule live in `guidebook/data/indicators.json`:
- a dimension is *positive* when the ticked indicators of that dimension meet at least one term of
  `rule.dimension_positive` (e.g. {"strong": 2} or {"strong": 1, "medium_or_weak": 1}); each term
  gives minimum counts per strength, and `a_or_b` counts indicators of either strength;
- the overall result ("indications of possible trafficking for labour exploitation") needs at least
  one positive dimension in every group (recruitment, exploitation, coercion).

This is an aid for professionals, not a legal assessment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

GROUPS = ("recruitment", "exploitation", "coercion")
STRENGTHS = ("strong", "medium", "weak")


class UnknownIndicator(ValueError):
    def __init__(self, keys: Iterable[str]):
        self.keys = sorted(keys)
        super().__init__(", ".join(self.keys))


def term_met(counts: Counter, term: dict[str, int]) -> bool:
    """A rule term such as {"strong": 1, "medium_or_weak": 1} is met by the strength counts.

    Strengths named by several parts of one term are not counted twice: the term is met when the
    ticked indicators can be assigned to its parts (greedily: single strengths first).
    """
    remaining = Counter(counts)
    singles = [(name, n) for name, n in term.items() if "_or_" not in name]
    combined = [(name, n) for name, n in term.items() if "_or_" in name]
    for name, needed in singles:
        if name not in STRENGTHS:
            raise ValueError(f"unknown strength in rule: {name}")
        if remaining[name] < needed:
            return False
        remaining[name] -= needed
    for name, needed in combined:
        parts = name.split("_or_")
        if any(part not in STRENGTHS for part in parts):
            raise ValueError(f"unknown strength in rule: {name}")
        for part in parts:
            take = min(needed, remaining[part])
            remaining[part] -= take
            needed -= take
        if needed > 0:
            return False
    return True


@dataclass
class DimensionResult:
    key: str
    group: str
    counts: dict[str, int]
    positive: bool
    met_term: dict[str, int] | None
    ticked: list[str] = field(default_factory=list)
    rule_label: str = ""  # filled in by the page, in the active language


@dataclass
class Assessment:
    dimensions: list[DimensionResult]
    groups: dict[str, bool]
    overall: bool
    needs: list[str]

    @property
    def any_ticked(self) -> bool:
        return any(result.ticked for result in self.dimensions)


def all_indicator_keys(data: dict) -> set[str]:
    return {item["key"] for dim in data["dimensions"] for item in dim["indicators"]}


def assess(data: dict, ticked: Iterable[str]) -> Assessment:
    """Apply the combination rule of `data` (the parsed indicators.json) to the ticked keys."""
    ticked = set(ticked)
    unknown = ticked - all_indicator_keys(data)
    if unknown:
        raise UnknownIndicator(unknown)
    terms = data["rule"]["dimension_positive"]
    results = []
    needs: list[str] = []
    for dimension in data["dimensions"]:
        chosen = [item for item in dimension["indicators"] if item["key"] in ticked]
        counts = Counter(item["strength"] for item in chosen)
        met = next((term for term in terms if term_met(counts, term)), None)
        results.append(
            DimensionResult(
                key=dimension["key"],
                group=dimension["group"],
                counts={strength: counts[strength] for strength in STRENGTHS},
                positive=met is not None,
                met_term=met,
                ticked=[item["key"] for item in chosen],
            )
        )
        for item in chosen:
            for need in item.get("needs", []):
                if need not in needs:
                    needs.append(need)
    groups = {
        group: any(result.positive for result in results if result.group == group)
        for group in GROUPS
    }
    return Assessment(dimensions=results, groups=groups, overall=all(groups.values()), needs=needs)
