"""Search of the guidebook that copes with umlauts, ß and case on SQLite and PostgreSQL alike.

Texts are normalised (lower case; ä→ae, ö→oe, ü→ue, ß→ss; other accents removed) and kept in
`Organization.search_text` / `internal_search_text`, refreshed on every save by the signals in
`signals.py`. A query is normalised the same way and matched with `icontains`, term by term.
Words with umlauts are also stored in their plain-vowel form ("rumanisch"), so people who type
without umlauts and without the "e" still find them.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

from django.conf import settings
from django.utils import translation

MAX_QUERY_LENGTH = 200
_REPLACEMENTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"}
_SPACE = re.compile(r"[\W_]+", re.UNICODE)


class QueryError(ValueError):
    """The query string cannot be searched (too long, control characters)."""


@functools.cache
def _combining_marks() -> dict[int, None]:
    """A str.translate table deleting every combining mark (built once per process, ~0.1 s)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_combining_marks())


@functools.lru_cache(maxsize=8192)
def normalize(text: str, *, umlaut_plain: bool = False) -> str:
    """Lower-case, umlauts spelt out (or plain with umlaut_plain), accents removed, words kept.

    Cached: the ranking normalises the same mandate, need and language texts for many results.
    """
    text = unicodedata.normalize("NFKC", text or "").casefold()
    if umlaut_plain:
        text = text.replace("ß", "ss")
    else:
        for source, target in _REPLACEMENTS.items():
            text = text.replace(source, target)
    text = _strip_accents(text)
    return _SPACE.sub(" ", text).strip()


def index_text(parts) -> str:
    """The stored search text for a list of strings: each normalised word once, in the order
    of first appearance, then the plain-umlaut forms that differ (" rumaenisch … rumanisch ").

    A term is one word and words are separated by spaces, so a term can only match inside a
    word: keeping each word once finds the same organisations. A mandate repeats its words
    (the same need labels on several items, translations in many languages), and every search
    reads the text of each candidate: at state scale half of it was repetition (issue 16).
    """
    joined = " ".join(part for part in parts if part)
    return unique_words(normalize(joined) + " " + normalize(joined, umlaut_plain=True))


def unique_words(text: str) -> str:
    """A stored search text with each word once (first appearance kept): for texts stored
    before `index_text` kept each word once, and for texts joined from several index texts."""
    words = dict.fromkeys(text.split())
    return f" {' '.join(words)} " if words else " "


def query_terms(query: str) -> list[str]:
    """Normalised search terms of a query; raises QueryError for unusable input."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError("too_long")
    if any(unicodedata.category(char) == "Cc" for char in query):
        raise QueryError("control")
    return [term for term in normalize(query).split() if term][:10]


def language_names(code: str) -> list[str]:
    """A language's name in every interface language and in itself ("Romanian", "Rumänisch", …)."""
    return list(_language_names(code))


@functools.lru_cache(maxsize=256)
def _language_names(code: str) -> tuple[str, ...]:
    # Eleven translation switches per call: cached, the ranking asks once per result and language.
    try:
        info = translation.get_language_info(code)
    except KeyError:
        return (code,)
    names = {info["name"], info["name_local"]}
    for ui_code, _name in settings.LANGUAGES:
        with translation.override(ui_code):
            names.add(str(translation.gettext(info["name"])))
    return tuple(sorted(names))


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


# --- the query layer: one interface, one index per database --------------------------------------
# PostgreSQL: trigram GIN index (substring LIKE: the stored text is lower case already), a stored
# German tsvector with a GIN index (stemming: "Beratungen" finds "Beratung") and, for typos, a
# vocabulary view of all indexed words with a trigram index (similar words are looked up first,
# then matched as substrings; refreshed by the periodic task `refresh_search_vocabulary`).
# SQLite: an FTS5 table with the trigram tokenizer (substrings of 3+ characters), kept current by
# triggers. Both are created by the migration guidebook 0003 (statements in `search_indexes.py`);
# terms shorter than three characters fall back to a plain scan.
FTS_TABLE = "guidebook_organization_fts"
MIN_INDEXED_TERM = 3


def filter_by_terms(queryset, terms: list[str], *, internal: bool = False):
    """Organisations whose (public or internal) search text matches every term."""
    from django.db import connection

    field = "internal_search_text" if internal else "search_text"
    for term in terms:
        if len(term) < MIN_INDEXED_TERM:
            queryset = queryset.filter(**{f"{field}__icontains": term})
        elif connection.vendor == "postgresql":
            queryset = queryset.filter(_postgres_match(field, term))
        elif connection.vendor == "sqlite" and _has_fts(connection):
            queryset = queryset.filter(_sqlite_match(field, term))
        else:
            queryset = queryset.filter(**{f"{field}__icontains": term})
    return queryset


def first_matches(queryset, terms: list[str], *, limit: int, internal: bool = False) -> list:
    """Ids of up to `limit` organisations matching every term, in the queryset's order, whole
    words first: for searches across a whole state (tens of thousands of actors).

    On PostgreSQL the organisations that have every term as a word (German stems, or a known
    word close to a typo) are taken from the stored tsvector's index without reading the
    search texts; only when they are fewer than `limit` are parts of words matched too, as many
    as are missing (LIKE reads the text of every candidate it checks: seconds for a common term
    at 60,000 actors, issue 16), so beyond the limit which of those come is not defined.
    Elsewhere: every match, in order. Terms must come from `query_terms`.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        matched = filter_by_terms(queryset, terms, internal=internal)
        return list(matched.values_list("pk", flat=True)[:limit])
    field = "internal_search_text" if internal else "search_text"
    words = queryset
    for term in terms:
        words = words.filter(_postgres_word_match(field, term))
    found = list(words.values_list("pk", flat=True)[:limit])
    if len(found) < limit:
        # Any `limit - len(found)` of them, unordered: the database stops reading texts once it
        # has enough (in order, it had to read every match first); then put those in order.
        parts = filter_by_terms(queryset.order_by(), terms, internal=internal)
        some = parts.exclude(pk__in=found).values_list("pk", flat=True)[: limit - len(found)]
        found += list(queryset.filter(pk__in=list(some)).values_list("pk", flat=True))
    return found


def _postgres_word_match(field: str, term: str):
    """The term, or a known word close to it, as a word of the stored tsvector (GIN index)."""
    from django.db.models import Q
    from django.db.models.expressions import RawSQL

    vector = f'"guidebook_organization"."{VECTORS[field]}"'
    words = [term, *typo_corrections(term)]
    queries = " || ".join("plainto_tsquery('german', %s)" for _word in words)
    condition = RawSQL(  # noqa: S611 -- constant names; values are parameters
        f"{vector} @@ ({queries})", words, output_field=_boolean()
    )
    return Q(condition)


def candidates_first(queryset):
    """On PostgreSQL, the queryset narrowed to the ids it selects before any text is matched.

    A municipality's guidebook has a few hundred actors; the state has tens of thousands whose
    search texts are kilobytes each (TOASTed). Matched through the trigram index first, a common
    term ("beratung") made PostgreSQL read and recheck the text of every matching actor in the
    state; matched on the fixed list of the municipality's ids, it reads a few hundred (issue 16).
    One query more, the same count at any size.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return queryset
    ids = list(queryset.order_by().values_list("pk", flat=True))
    return queryset.filter(pk__in=ids)


def _postgres_match(field: str, term: str):
    """Substring (LIKE, trigram index), German stems (stored tsvector) and, for typos, the
    substrings of known words similar to the term (vocabulary view with a trigram index)."""
    from django.db.models import Q
    from django.db.models.expressions import RawSQL

    column = f'"guidebook_organization"."{field}"'
    vector = f'"guidebook_organization"."{VECTORS[field]}"'
    patterns = [f"%{word}%" for word in [term, *similar_words(term)]]
    # One LIKE per pattern (not LIKE ANY(array)): only these can use the trigram GIN index.
    # LIKE, not ILIKE: both sides are normalised to lower case, and ILIKE lower-cases kilobytes.
    likes = " OR ".join(f"{column} LIKE %s" for _pattern in patterns)
    condition = RawSQL(  # noqa: S611 -- constant names; values are parameters
        f"({likes} OR {vector} @@ plainto_tsquery('german', %s))",
        [*patterns, term],
        output_field=_boolean(),
    )
    return Q(condition)


VECTORS = {"search_text": "search_vector", "internal_search_text": "internal_search_vector"}
WORDS_VIEW = "guidebook_search_words"
MIN_TYPO_TERM = 4
SIMILARITY = 0.5


def similar_words(term: str) -> list[str]:
    """Known words close to a term ("jobcentr" → "jobcenter"); PostgreSQL only, one query."""
    return [word for word in _close_words(term) if word != term][:3]


def typo_corrections(term: str) -> list[str]:
    """Known words close to a term that is not a known word itself ("jobcentr" → "jobcenter");
    none for a known word: "unterkunft" should not also look for "notunterkunft" (PostgreSQL
    only, one query)."""
    words = _close_words(term)
    return [] if term in words else words[:3]


def _close_words(term: str) -> list[str]:
    """Up to four known words most similar to the term (it, too, when it is known)."""
    from django.db import connection

    if len(term) < MIN_TYPO_TERM:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {WORDS_VIEW} WHERE word %% %s "  # noqa: S608 -- constant name
            "AND similarity(word, %s) >= %s ORDER BY similarity(word, %s) DESC LIMIT 4",
            [term, term, SIMILARITY, term],
        )
        return [row[0] for row in cursor.fetchall()]


def refresh_vocabulary() -> None:
    """Rebuild the word list for typo matching (periodic task; after bulk imports)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"REFRESH MATERIALIZED VIEW {WORDS_VIEW}")


def _sqlite_match(field: str, term: str):
    from django.db.models import Q
    from django.db.models.expressions import RawSQL

    # Terms are normalised to letters, digits and spaces: no FTS syntax can slip in.
    return Q(
        pk__in=RawSQL(  # noqa: S611 -- constant names; values are parameters
            f"SELECT org_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608 -- constant names; values are parameters
            [f'{field} : "{term}"'],
        )
    )


def _boolean():
    from django.db.models import BooleanField

    return BooleanField()


_fts_checked: dict[str, bool] = {}


def _has_fts(connection) -> bool:
    """Whether the FTS5 table exists (a database migrated before 0003 has none)."""
    key = str(connection.settings_dict.get("NAME"))
    if key not in _fts_checked:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE]
            )
            _fts_checked[key] = cursor.fetchone() is not None
    return _fts_checked[key]
