"""The navigator's ordering policy: rules and notices read from `data/policy.json`.

No actor is named in code. A rule says *when* it applies (the situation: needs, acute danger, the
person's residence status, what is already listed) and *which* organisations it matches (actor-type
flags, actor-type keys listed in the data, roles in the mandate). Its score moves matching
organisations up (negative) or down (positive); it may require the person's consent or put a
warning on the organisation's card.
"""

from __future__ import annotations

import json
from collections.abc import Set
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from wegweiser.guidebook.models import MandateKind, NeedRole
from wegweiser.guidebook.selectors import mandate_items_of, need_links_of

DATA_DIR = Path(__file__).resolve().parent / "data"

# The three values of the residence-status input (DESIGN.md §6b'). "unknown" is the default and is
# treated like "unclear" by the rules in policy.json.
SECURE = "secure"
UNKNOWN = "unknown"
UNCLEAR = "unclear"
RESIDENCE_STATUSES = (SECURE, UNKNOWN, UNCLEAR)


class InvalidStatus(ValueError):
    """A residence status that is not one of RESIDENCE_STATUSES."""


def parse_status(value: str | None) -> str:
    """The residence status of a request parameter; empty means the default (unknown)."""
    value = (value or "").strip()
    if not value:
        return UNKNOWN
    if value not in RESIDENCE_STATUSES:
        raise InvalidStatus(value[:32])
    return value


@dataclass(frozen=True)
class Rule:
    key: str
    score: int
    match: dict
    when: dict
    reason: dict
    consent_required: bool = False
    warning: bool = False


@dataclass(frozen=True)
class Notice:
    key: str
    level: str
    when: dict
    text: dict
    source: str = ""
    as_of: str = ""


@dataclass(frozen=True)
class Policy:
    role_score: dict[str, int]
    rules: tuple[Rule, ...]
    notices: tuple[Notice, ...]
    # Needs whose selection fixes the residence status (e.g. "residence status unclear").
    status_from_needs: dict[str, str] = field(default_factory=dict)
    # Organisations included even without a mandate for the selection (the safe first contact).
    first_contact: dict = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict) -> Policy:
        return cls(
            role_score=dict(data["role_score"]),
            rules=tuple(_rule(rule) for rule in data["rules"]),
            notices=tuple(_notice(notice) for notice in data.get("notices", [])),
            status_from_needs=dict(data.get("status_from_needs", {})),
            first_contact=dict(data.get("first_contact", {})),
        )


def _rule(rule: dict) -> Rule:
    return Rule(
        key=rule["key"],
        score=int(rule["score"]),
        match=rule.get("match", {}),
        when=rule.get("when", {}),
        reason=rule.get("reason", {}),
        consent_required=bool(rule.get("consent_required", False)),
        warning=bool(rule.get("warning", False)),
    )


def _notice(notice: dict) -> Notice:
    return Notice(
        key=notice["key"],
        level=notice.get("level", "info"),
        when=notice.get("when", {}),
        text=notice["text"],
        source=notice.get("source", ""),
        as_of=notice.get("as_of", ""),
    )


@cache
def load_policy() -> Policy:
    with open(DATA_DIR / "policy.json", encoding="utf-8") as handle:
        return Policy.from_data(json.load(handle))


@dataclass(frozen=True)
class Situation:
    """What the navigator knows about the person: ticked needs and residence status."""

    need_keys: frozenset[str]
    acute_keys: frozenset[str]
    status: str = UNKNOWN

    @property
    def acute(self) -> bool:
        return bool(self.acute_keys)

    @classmethod
    def of(cls, needs, status: str, policy: Policy) -> Situation:
        need_keys = frozenset(need.key for need in needs)
        for key, implied in policy.status_from_needs.items():
            if key in need_keys:
                status = implied
        return cls(
            need_keys=need_keys,
            acute_keys=frozenset(need.key for need in needs if need.acute),
            status=status,
        )


def situation_applies(
    when: dict, situation: Situation, applied: Set[str] = frozenset(), public_listed=False
) -> bool:
    """Whether a rule's or notice's `when` holds for the situation."""
    checks = (
        not (when.get("unless_acute") and situation.acute),
        not (when.get("acute") and not situation.acute),
        "needs_any" not in when or bool(situation.need_keys & set(when["needs_any"])),
        "status_in" not in when or situation.status in when["status_in"],
        "rule_applied" not in when or when["rule_applied"] in applied,
        "rule_applied_any" not in when or bool(applied & set(when["rule_applied_any"])),
        not (when.get("public_body_listed") and not public_listed),
    )
    return all(checks)


def _links(organization):
    return [(item, link) for item in mandate_items_of(organization) for link in need_links_of(item)]


def rule_matches(match: dict, organization, selected_links, situation: Situation) -> bool:
    """Whether an organisation (with its links to the selected needs) matches a rule's `match`."""
    actor_type = organization.actor_type
    if any(
        getattr(actor_type, flag) != value for flag, value in match.get("actor_type", {}).items()
    ):
        return False
    if "actor_types" in match and actor_type.key not in match["actor_types"]:
        return False
    if "caution_on_any" in match:
        keys = set(match["caution_on_any"])
        kinds = set(match.get("caution_kinds", [])) or None
        if not any(
            link.role == NeedRole.CAUTION
            and link.need.key in keys
            and (kinds is None or item.kind in kinds)
            for item, link in _links(organization)
        ):
            return False
    acute = situation.acute_keys
    if match.get("acts_on_selected_acute") and not any(
        link.role == NeedRole.ACTS and link.need.key in acute for _item, link in selected_links
    ):
        return False
    if match.get("no_caution_on_selected_acute") and any(
        link.role == NeedRole.CAUTION and link.need.key in acute
        for _item, link in _links(organization)
    ):
        return False
    return not match.get("involve_acts_on_selected") or any(
        item.kind == MandateKind.WHEN_TO_INVOLVE and link.role == NeedRole.ACTS
        for item, link in selected_links
    )
