"""What a navigator result is made of: statements, recommendations, notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy

from wegweiser.guidebook.models import (
    ContactPerson,
    Location,
    Need,
    NeedRole,
    Organization,
    localized,
)

from .policy import UNKNOWN, Notice

# The navigator's own short wording of the roles (the guidebook's labels are longer).
ROLE_LABELS: dict[str, Any] = {
    NeedRole.ACTS: gettext_lazy("acts"),
    NeedRole.ADVISES: gettext_lazy("advises"),
    NeedRole.MUST_BE_INFORMED: gettext_lazy("must be informed"),
    NeedRole.CAUTION: gettext_lazy("caution"),
}

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
    card_warnings: list[str] = field(default_factory=list)  # warnings of the policy (e.g. § 87)

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
    status: str = UNKNOWN  # the status the rules used (a ticked need may make it "unclear")
    requested_status: str = UNKNOWN

    @property
    def notice_texts(self) -> list[NoticeText]:
        return [
            NoticeText(
                key=notice.key,
                level=notice.level,
                text=localized(notice.text, self.language),
                language=pick_language(notice.text, self.language),
                source=notice.source,
                as_of=notice.as_of,
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
    source: str = ""
    as_of: str = ""

    @property
    def direction(self) -> str:
        return text_direction(self.language)
