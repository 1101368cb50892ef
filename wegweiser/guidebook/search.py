"""Search of the guidebook that copes with umlauts, ß and case on SQLite and PostgreSQL alike.

Texts are normalised (lower case; ä→ae, ö→oe, ü→ue, ß→ss; other accents removed) and kept in
`Organization.search_text` / `internal_search_text`, refreshed on every save by the signals in
`signals.py`. A query is normalised the same way and matched with `icontains`, term by term.
Words with umlauts are also stored in their plain-vowel form ("rumanisch"), so people who type
without umlauts and without the "e" still find them.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.utils import translation

MAX_QUERY_LENGTH = 200
_REPLACEMENTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"}
_SPACE = re.compile(r"[\W_]+", re.UNICODE)


class QueryError(ValueError):
    """The query string cannot be searched (too long, control characters)."""


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize(text: str, *, umlaut_plain: bool = False) -> str:
    """Lower-case, umlauts spelt out (or plain with umlaut_plain), accents removed, words kept."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    if umlaut_plain:
        text = text.replace("ß", "ss")
    else:
        for source, target in _REPLACEMENTS.items():
            text = text.replace(source, target)
    text = _strip_accents(text)
    return _SPACE.sub(" ", text).strip()


def index_text(parts) -> str:
    """The stored search text for a list of strings."""
    spelled = normalize(" ".join(part for part in parts if part))
    plain = normalize(" ".join(part for part in parts if part), umlaut_plain=True)
    extra = " ".join(sorted(set(plain.split()) - set(spelled.split())))
    return f" {spelled} {extra} ".replace("  ", " ")


def query_terms(query: str) -> list[str]:
    """Normalised search terms of a query; raises QueryError for unusable input."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError("too_long")
    if any(unicodedata.category(char) == "Cc" for char in query):
        raise QueryError("control")
    return [term for term in normalize(query).split() if term][:10]


def language_names(code: str) -> list[str]:
    """A language's name in every interface language and in itself ("Romanian", "Rumänisch", …)."""
    try:
        info = translation.get_language_info(code)
    except KeyError:
        return [code]
    names = {info["name"], info["name_local"]}
    for ui_code, _name in settings.LANGUAGES:
        with translation.override(ui_code):
            names.add(str(translation.gettext(info["name"])))
    return sorted(names)


def language_label(code: str) -> str:
    """A language's name in the active interface language."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def organization_search_parts(organization) -> tuple[list[str], list[str]]:
    """(public parts, internal-only parts) of an organisation's searchable text."""
    from .models import ContactPerson, MandateItem

    public = [organization.name, organization.description]
    actor_type = organization.actor_type
    public += list((actor_type.name or {}).values()) + list((actor_type.summary or {}).values())
    for code in organization.languages or []:
        public += language_names(code)
    if not organization.confidential_address:
        for location in organization.locations.all():
            public += [location.name, location.street, location.city, location.opening_hours]
    items = MandateItem.objects.filter(organization=organization).prefetch_related(
        "translations", "need_links__need"
    )
    for item in items:
        public += [item.text, item.source]
        public += [translation_row.text for translation_row in item.translations.all()]
        for link in item.need_links.all():
            public += list(link.need.label.values()) + list(link.need.plain.values())
    # Internal notes are per municipality (InternalNote) and stay out of the shared search text,
    # so a search cannot reveal another municipality's note (issue 11).
    internal: list[str] = []
    for person in ContactPerson.objects.with_consent().filter(organization=organization):
        internal += [person.name, person.function, person.practical_note]
    return public, internal


def refresh_search_text(organization) -> None:
    """Recompute and store the normalised search texts (no history record, no signals)."""
    from .models import Organization

    public, internal = organization_search_parts(organization)
    public_text = index_text(public)
    internal_text = index_text(public + internal)
    Organization.objects.filter(pk=organization.pk).update(
        search_text=public_text, internal_search_text=internal_text
    )
    organization.search_text = public_text
    organization.internal_search_text = internal_text
