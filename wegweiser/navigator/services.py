"""The navigator: ticked needs → this municipality's organisations, in a recommended order.

Everything comes from data editors can change: which organisation serves a need (MandateNeed rows
of its mandate items), why (the item texts), what to bring (when_to_involve items), what happens to
data (data_duty items), warnings (items with role "caution"). The order is decided by the policy in
`data/policy.json` (see `Policy`), not by code that names actors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import get_language, gettext_lazy

from wegweiser.guidebook.models import (
    ContactPerson,
    Location,
    MandateItem,
    MandateKind,
    MandateNeed,
    Need,
    NeedRole,
    Organization,
    localized,
)
from wegweiser.guidebook.selectors import (
    consented_contacts,
    published_counselling_services,
    published_organizations,
)
from wegweiser.guidebook.vocabulary import load_json

DATA_DIR = Path(__file__).resolve().parent / "data"

# The navigator's own short wording of the roles (the guidebook's labels are longer).
ROLE_LABELS: dict[str, Any] = {
    NeedRole.ACTS: gettext_lazy("acts"),
    NeedRole.ADVISES: gettext_lazy("advises"),
    NeedRole.MUST_BE_INFORMED: gettext_lazy("must be informed"),
    NeedRole.CAUTION: gettext_lazy("caution"),
}
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


# --- the ordering policy ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    key: str
    score: int
    match: dict
    when: dict
    reason: dict
    consent_required: bool = False


@dataclass(frozen=True)
class Notice:
    key: str
    level: str
    when: dict
    text: dict


@dataclass(frozen=True)
class Policy:
    role_score: dict[str, int]
    rules: tuple[Rule, ...]
    notices: tuple[Notice, ...]

    @classmethod
    def from_data(cls, data: dict) -> Policy:
        return cls(
            role_score=dict(data["role_score"]),
            rules=tuple(
                Rule(
                    key=rule["key"],
                    score=int(rule["score"]),
                    match=rule.get("match", {}),
                    when=rule.get("when", {}),
                    reason=rule.get("reason", {}),
                    consent_required=bool(rule.get("consent_required", False)),
                )
                for rule in data["rules"]
            ),
            notices=tuple(
                Notice(
                    key=notice["key"],
                    level=notice.get("level", "info"),
                    when=notice.get("when", {}),
                    text=notice["text"],
                )
                for notice in data.get("notices", [])
            ),
        )


@cache
def load_policy() -> Policy:
    with open(DATA_DIR / "policy.json", encoding="utf-8") as handle:
        return Policy.from_data(json.load(handle))


def _situation_applies(when: dict, need_keys: set[str], acute: bool, applied: set[str]) -> bool:
    if when.get("unless_acute") and acute:
        return False
    if when.get("acute") and not acute:
        return False
    if "needs_any" in when and not need_keys & set(when["needs_any"]):
        return False
    return not ("rule_applied" in when and when["rule_applied"] not in applied)


# --- results -----------------------------------------------------------------------------------


@dataclass
class Statement:
    """One mandate item as shown in a result: text in the active language, its kind and role."""

    id: str
    kind: str
    kind_label: str
    text: str
    source: str
    role: str | None = None
    role_label: str = ""
    needs: list[str] = field(default_factory=list)
    language: str = "de"

    @property
    def direction(self) -> str:
        return text_direction(self.language)


@dataclass
class Recommendation:
    position: int
    organization: Organization
    score: int
    best_role: str
    reasons: list[tuple[str, str]]  # (rule key, text)
    why: list[Statement]
    bring: list[Statement]
    data: list[Statement]
    warnings: list[Statement]
    consent_required: bool
    locations: list[Location]
    contact_persons: list[ContactPerson]

    @property
    def actor_type(self):
        return self.organization.actor_type

    @property
    def best_role_label(self) -> str:
        return str(ROLE_LABELS.get(self.best_role, self.best_role))


@dataclass
class NavigatorResult:
    needs: list[Need]
    acute: bool
    recommendations: list[Recommendation]
    notices: list[Notice]
    show_contact_persons: bool
    language: str = "de"

    @property
    def notice_texts(self) -> list[NoticeText]:
        return [
            NoticeText(
                key=notice.key,
                level=notice.level,
                text=localized(notice.text, self.language),
                language=pick_language(notice.text, self.language),
            )
            for notice in self.notices
        ]

    @property
    def need_keys(self) -> list[str]:
        return [need.key for need in self.needs]


def text_direction(language: str) -> str:
    return "rtl" if language in settings.LANGUAGES_BIDI else "ltr"


def pick_language(values: dict[str, str] | None, language: str) -> str:
    """The language `localized()` picks from a {language: text} dict (for lang/dir attributes)."""
    values = values or {}
    for code in (language, "de", "en"):
        if values.get(code):
            return code
    return next(iter(values), "de")


@dataclass
class NoticeText:
    key: str
    level: str
    text: str
    language: str

    @property
    def direction(self) -> str:
        return text_direction(self.language)


def _item_text(item: MandateItem, language: str) -> tuple[str, str]:
    """Mandate text in the language: a translation row if there is one, otherwise German."""
    if language != "de":
        for translation in item.translations.all():
            if translation.language == language and translation.text:
                return translation.text, language
    return item.text, "de"


def _statement(item: MandateItem, language: str, link: MandateNeed | None = None, needs=()):
    text, text_language = _item_text(item, language)
    return Statement(
        id=str(item.id),
        kind=item.kind,
        kind_label=str(item.get_kind_display()),
        text=text,
        language=text_language,
        source=item.source,
        role=link.role if link else None,
        role_label=str(ROLE_LABELS.get(link.role, link.role)) if link else "",
        needs=list(needs),
    )


def _rule_matches(rule: Rule, organization: Organization, selected_links, acute_keys) -> bool:
    match = rule.match
    actor_type = organization.actor_type
    for flag, expected in match.get("actor_type", {}).items():
        if getattr(actor_type, flag) != expected:
            return False
    if "caution_on_any" in match:
        keys = set(match["caution_on_any"])
        if not any(
            link.role == NeedRole.CAUTION and link.need.key in keys
            for item in organization.mandate_items.all()
            for link in item.need_links.all()
        ):
            return False
    if match.get("acts_on_selected_acute") and not any(
        link.role == NeedRole.ACTS and link.need.key in acute_keys for _item, link in selected_links
    ):
        return False
    if match.get("no_caution_on_selected_acute") and any(
        link.role == NeedRole.CAUTION and link.need.key in acute_keys
        for item in organization.mandate_items.all()
        for link in item.need_links.all()
    ):
        return False
    return not ("actor_types" in match and actor_type.key not in match["actor_types"])


def recommend(
    municipality,
    needs: list[Need],
    *,
    show_contact_persons: bool = False,
    policy: Policy | None = None,
    language: str | None = None,
) -> NavigatorResult:
    """The ordered recommendations for the ticked needs in a municipality."""
    policy = policy or load_policy()
    language = (language or get_language() or "de").split("-")[0]
    need_keys = {need.key for need in needs}
    acute_keys = {need.key for need in needs if need.acute}
    acute = bool(acute_keys)
    results: list[Recommendation] = []
    applied_rules: set[str] = set()
    if needs:
        for organization in published_organizations(municipality, contacts=show_contact_persons):
            items = list(organization.mandate_items.all())
            selected_links = [
                (item, link)
                for item in items
                for link in item.need_links.all()
                if link.need.key in need_keys
            ]
            roles = {link.role for _item, link in selected_links} - {NeedRole.CAUTION}
            if not roles:
                continue  # not serving these needs (or only with a caution): not recommended
            best_role = min(roles, key=lambda role: policy.role_score.get(role, 100))
            score = policy.role_score.get(best_role, 100)
            reasons = []
            consent_required = False
            for rule in policy.rules:
                if not _situation_applies(rule.when, need_keys, acute, set()):
                    continue
                if _rule_matches(rule, organization, selected_links, acute_keys):
                    score += rule.score
                    reasons.append((rule.key, localized(rule.reason, language)))
                    consent_required = consent_required or rule.consent_required
                    applied_rules.add(rule.key)
            why, warnings = [], []
            seen_why, seen_warning = set(), set()
            for item, link in selected_links:
                needs_of_item = [
                    other.need.key
                    for other in item.need_links.all()
                    if other.need.key in need_keys and other.role == link.role
                ]
                if link.role == NeedRole.CAUTION:
                    if item.id not in seen_warning:
                        seen_warning.add(item.id)
                        warnings.append(_statement(item, language, link, needs_of_item))
                elif (
                    item.kind not in (MandateKind.DATA_DUTY, MandateKind.WHEN_TO_INVOLVE)
                    and item.id not in seen_why
                ):
                    seen_why.add(item.id)
                    why.append(_statement(item, language, link, needs_of_item))
            bring = [
                _statement(item, language)
                for item in items
                if item.kind == MandateKind.WHEN_TO_INVOLVE
            ]
            data = [
                _statement(item, language) for item in items if item.kind == MandateKind.DATA_DUTY
            ]
            if not why:
                # Served only through a when_to_involve / data item: show that item as the reason.
                why = [
                    _statement(item, language, link)
                    for item, link in selected_links
                    if link.role != NeedRole.CAUTION
                ][:1]
            results.append(
                Recommendation(
                    position=0,
                    organization=organization,
                    score=score,
                    best_role=best_role,
                    reasons=reasons,
                    why=why,
                    bring=bring,
                    data=data,
                    warnings=warnings,
                    consent_required=consent_required,
                    locations=[]
                    if organization.confidential_address
                    else list(organization.locations.all()),
                    contact_persons=consented_contacts(organization)
                    if show_contact_persons
                    else [],
                )
            )
    results.sort(
        key=lambda r: (r.score, r.organization.actor_type.order, r.organization.name.lower())
    )
    for position, recommendation in enumerate(results, start=1):
        recommendation.position = position
    notices = [
        notice
        for notice in policy.notices
        if _situation_applies(notice.when, need_keys, acute, applied_rules)
    ]
    return NavigatorResult(
        needs=needs,
        acute=acute,
        recommendations=results,
        notices=notices,
        show_contact_persons=show_contact_persons,
        language=language,
    )


# --- simple mode (workers) ---------------------------------------------------------------------


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


# --- indicators --------------------------------------------------------------------------------


def indicator_data() -> dict:
    return load_json("indicators.json")
