"""The navigator: ticked needs → this municipality's organisations, in a recommended order.

Everything comes from data editors can change: which organisation serves a need (MandateNeed rows
of its mandate items), why (the item texts), what to bring (when_to_involve items), what happens to
data (data_duty items), warnings (items with role "caution"). The order is decided by the policy in
`data/policy.json` (see `Policy`), not by code that names actors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import get_language

from wegweiser.core.i18n import current_language
from wegweiser.guidebook.models import (
    MandateKind,
    MandateNeed,
    Need,
    NeedRole,
    localized,
)
from wegweiser.guidebook.selectors import (
    consented_contacts,
    forget_mandate_lists,
    mandate_items_of,
    need_links_of,
    published_with_mandate_rows,
    serving_ids,
    translations_of,
)
from wegweiser.guidebook.vocabulary import load_json

from .policy import (  # noqa: F401  (re-exported)
    RESIDENCE_STATUSES,
    SECURE,
    UNCLEAR,
    UNKNOWN,
    InvalidStatus,
    Notice,
    Policy,
    Rule,
    Situation,
    load_policy,
    parse_status,
    rule_matches,
    situation_applies,
)
from .results import (  # noqa: F401  (re-exported)
    ROLE_LABELS,
    NavigatorResult,
    NoticeText,
    Recommendation,
    Statement,
    pick_language,
    text_direction,
)

KEY_PATTERN = re.compile(r"^[a-z0-9_]{1,64}$")
MAX_KEYS = 40


class InvalidSelection(ValueError):
    """A query string that cannot be a selection of needs (or indicators); message is for users."""


def parse_keys(values: Iterable[str], *, max_keys: int = MAX_KEYS) -> list[str]:
    """Keys from repeated parameters and/or comma-separated lists, in order, without duplicates."""
    keys: list[str] = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            if not KEY_PATTERN.match(part):
                raise InvalidSelection(part[:64])
            if part not in keys:
                keys.append(part)
    if len(keys) > max_keys:
        raise InvalidSelection(f"more than {max_keys} keys")
    return keys


class UnknownNeeds(ValueError):
    def __init__(self, keys: Iterable[str]):
        self.keys = sorted(keys)
        super().__init__(", ".join(self.keys))


def needs_for_keys(keys: list[str]) -> list[Need]:
    """The Need rows for the keys, in vocabulary order; UnknownNeeds for keys that do not exist."""
    if not keys:
        return []
    needs = list(Need.objects.filter(key__in=keys))
    unknown = set(keys) - {need.key for need in needs}
    if unknown:
        raise UnknownNeeds(unknown)
    return needs


# --- the ordering policy lives in policy.py (re-exported here for callers and tests) ----------


def _item_text(item, language: str) -> tuple[str, str]:
    """Mandate text in the language: a translation row if there is one, otherwise German."""
    if language != "de":
        for translation in translations_of(item):
            if translation.language == language and translation.text:
                return translation.text, language
    return item.text, "de"


# Labels per interface language, cached: a result at state scale has ~170 statements, and each
# asked gettext for its kind and role.
@functools.lru_cache(maxsize=128)
def _kind_label(kind: str, interface_language: str | None) -> str:
    return str(MandateKind(kind).label) if kind in MandateKind.values else kind


@functools.lru_cache(maxsize=128)
def _role_label(role: str, interface_language: str | None) -> str:
    return str(ROLE_LABELS.get(role, role))


def _statement(item, language: str, link=None, needs=()):
    """A mandate item (a MandateRow or a MandateItem) as shown in a result."""
    text, text_language = _item_text(item, language)
    interface = get_language()
    return Statement(
        id=str(item.id),
        kind=item.kind,
        kind_label=_kind_label(item.kind, interface),
        text=text,
        language=text_language,
        source=item.source,
        role=link.role if link else None,
        role_label=_role_label(link.role, interface) if link else "",
        needs=list(needs),
    )


def _selected_links(organization, need_keys) -> list:
    return [
        (item, link)
        for item in mandate_items_of(organization)
        for link in need_links_of(item)
        if link.need.key in need_keys
    ]


def _is_first_contact(organization, situation: Situation, policy: Policy) -> bool:
    """A safe first contact (non-state counselling) is listed even without a mandate link."""
    first = policy.first_contact
    return bool(first) and (
        situation_applies(first.get("when", {}), situation)
        and rule_matches(first.get("match", {}), organization, [], situation)
    )


@dataclass
class _Scored:
    score: int
    reasons: list[tuple[str, str]]
    card_warnings: list[str]
    consent_required: bool
    applied: set[str]


def _apply_rules(organization, links, situation, policy, best_role, language, public_listed):
    """The organisation's score and the reasons, warnings and consent mark of the rules."""
    scored = _Scored(policy.role_score.get(best_role, 100), [], [], False, set())
    for rule in policy.rules:
        if not situation_applies(rule.when, situation, public_listed=public_listed):
            continue
        if not rule_matches(rule.match, organization, links, situation):
            continue
        scored.score += rule.score
        text = localized(rule.reason, language)
        if rule.warning:
            scored.card_warnings.append(text)
        else:
            scored.reasons.append((rule.key, text))
        scored.consent_required = scored.consent_required or rule.consent_required
        scored.applied.add(rule.key)
    return scored


def _statements(organization, links, need_keys, language):
    """Why (mandate texts serving the selection), cautions, what to bring, data duties."""
    items = mandate_items_of(organization)
    why: list[Statement] = []
    warnings: list[Statement] = []
    seen: set[tuple[object, bool]] = set()
    for item, link in links:
        caution = link.role == NeedRole.CAUTION
        if (item.id, caution) in seen:
            continue
        if not caution and item.kind in (MandateKind.DATA_DUTY, MandateKind.WHEN_TO_INVOLVE):
            continue
        seen.add((item.id, caution))
        needs_of_item = [
            other.need.key
            for other in need_links_of(item)
            if other.need.key in need_keys and other.role == link.role
        ]
        (warnings if caution else why).append(_statement(item, language, link, needs_of_item))
    if not why:
        # Served only through a when_to_involve / data item (or listed as the first contact):
        # show that item, else the organisation's first "can" text, as the reason.
        why = [
            _statement(item, language, link)
            for item, link in links
            if link.role != NeedRole.CAUTION
        ][:1] or [_statement(item, language) for item in items if item.kind == MandateKind.CAN][:1]
    bring = [_statement(i, language) for i in items if i.kind == MandateKind.WHEN_TO_INVOLVE]
    data = [_statement(i, language) for i in items if i.kind == MandateKind.DATA_DUTY]
    return why, warnings, bring, data


def _may_serve(municipality, situation: Situation, policy: Policy) -> Q | None:
    """SQL condition for organisations that can be in the result: a link other than a caution to
    a ticked need, or (when the first-contact rule applies) the first contact's kind of actor.
    Only these are read with their mandates (issue 16: reading and prefetching every actor of
    the municipality dominated the time); None when the rule needs more than the kind of actor.
    The links are looked up among the municipality's actors only: over the whole installation
    the subquery read every link to the ticked needs (240 ms at 60,000 actors).
    """
    linked = Q(
        pk__in=MandateNeed.objects.filter(
            item__organization_id__in=serving_ids(municipality),
            need__key__in=situation.need_keys,
        )
        .exclude(role=NeedRole.CAUTION)
        .values("item__organization_id")
    )
    first = policy.first_contact
    if not first or not situation_applies(first.get("when", {}), situation):
        return linked
    match = first.get("match", {})
    if set(match) - {"actor_type"}:
        return None
    flags = {f"actor_type__{flag}": value for flag, value in match.get("actor_type", {}).items()}
    return linked | Q(**flags)


def _candidates(municipality, situation, policy, show_contact_persons, language):
    """(organisation, selected links, best role) of everyone the result lists."""
    candidates = []
    organizations = published_with_mandate_rows(
        municipality,
        contacts=show_contact_persons,
        language=language,
        condition=_may_serve(municipality, situation, policy),
    )
    for organization in organizations:
        links = _selected_links(organization, situation.need_keys)
        roles = {link.role for _item, link in links} - {NeedRole.CAUTION}
        if not roles and _is_first_contact(organization, situation, policy):
            roles = {NeedRole.ADVISES}
        if not roles:
            continue  # not serving these needs (or only with a caution): not recommended
        best_role = min(roles, key=lambda role: policy.role_score.get(role, 100))
        candidates.append((organization, links, best_role))
    return candidates


def _recommendation(organization, links, best_role, scored, situation, language, contacts):
    why, warnings, bring, data = _statements(organization, links, situation.need_keys, language)
    return Recommendation(
        position=0,
        organization=organization,
        score=scored.score,
        best_role=best_role,
        reasons=scored.reasons,
        why=why,
        bring=bring,
        data=data,
        warnings=warnings,
        consent_required=scored.consent_required,
        card_warnings=scored.card_warnings,
        locations=[] if organization.confidential_address else list(organization.locations.all()),
        contact_persons=consented_contacts(organization) if contacts else [],
    )


def recommend(
    municipality,
    needs: list[Need],
    *,
    status: str = UNKNOWN,
    show_contact_persons: bool = False,
    policy: Policy | None = None,
    language: str | None = None,
) -> NavigatorResult:
    """The ordered recommendations for the ticked needs and residence status in a municipality."""
    policy = policy or load_policy()
    language = current_language(language)
    situation = Situation.of(needs, status, policy)
    candidates = (
        _candidates(municipality, situation, policy, show_contact_persons, language)
        if needs
        else []
    )
    public_listed = any(org.actor_type.public_body for org, _links, _role in candidates)
    results, applied = [], set()
    for organization, links, best_role in candidates:
        scored = _apply_rules(
            organization, links, situation, policy, best_role, language, public_listed
        )
        applied |= scored.applied
        results.append(
            _recommendation(
                organization, links, best_role, scored, situation, language, show_contact_persons
            )
        )
    results.sort(
        key=lambda r: (r.score, r.organization.actor_type.order, r.organization.name.lower())
    )
    for position, recommendation in enumerate(results, start=1):
        recommendation.position = position
        # The result is cached (pickled) and carries its statements, locations and contact
        # persons as lists: the prefetched mandates were only needed to compute them, and made
        # up most of the pickle (issue 16: a third of an uncached navigator request).
        forget_mandate_lists(recommendation.organization)
    notices = [
        notice
        for notice in policy.notices
        if needs and situation_applies(notice.when, situation, applied, public_listed)
    ]
    return NavigatorResult(
        needs=needs,
        acute=situation.acute,
        recommendations=results,
        notices=notices,
        show_contact_persons=show_contact_persons,
        language=language,
        status=situation.status,
        requested_status=status,
    )


# --- indicators --------------------------------------------------------------------------------


def indicator_data() -> dict:
    return load_json("indicators.json")
