"""Ranking and snippets of guidebook search results (see search.py for the matching).

A result ranks by *where* its terms match: the organisation's name first, then its actor type,
then its description and languages, then its mandate and the needs it serves, then its
addresses and opening hours (and, in the internal version, notes and contact persons). The
snippet shows the words around the best match, with the matching words marked.
The texts beyond the card's fields are read by `ranking_texts` as plain rows (five queries).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from .models import Location, localized
from .search import language_names, normalize
from .selectors import consented_contacts, mandate_rows

SNIPPET_BEFORE = 8
SNIPPET_AFTER = 14

# (weight, label) of each place a term can match, best first.
NAME = (100, _("name"))
ACTOR_TYPE = (80, _("kind of actor"))
DESCRIPTION = (50, _("description"))
LANGUAGES = (45, _("languages spoken"))
MANDATE = (40, _("mandate"))
NEEDS = (35, _("needs served"))
PLACES = (20, _("address and opening hours"))
INTERNAL = (10, _("internal notes and contact persons"))


@dataclass
class Ranked:
    organization: object
    score: int = 0
    where: list[str] = field(default_factory=list)
    snippet: SafeString | str = ""


def _word_matches(word: str, terms: list[str]) -> bool:
    forms = {normalize(word), normalize(word, umlaut_plain=True)}
    return any(term in form for term in terms for form in forms)


@dataclass
class _LoadedTexts:
    """An organisation's mandate, need and place texts, read for the ranking only."""

    mandate: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def ranking_texts(organizations) -> dict[object, _LoadedTexts]:
    """The mandate, need and place texts of the organisations in five queries of plain rows.

    The search ranks up to a hundred matches; reading these texts as model instances (mandate
    items, every translation, need links with their needs, locations: thousands of objects at
    state scale) cost more than the match itself (issue 16). The order is the pages' order
    (items by order and kind, needs by vocabulary order, places by name), so the snippet shows
    the same text a reader finds first on the entry.
    """
    ids = [organization.pk for organization in organizations]
    texts = {pk: _LoadedTexts() for pk in ids}
    # Each need's text once (decoding two JSON fields per link was a third of the ranking).
    need_texts: dict[object, str] = {}
    for organization_id, items in mandate_rows(ids, language=None).items():
        loaded = texts[organization_id]
        for item in items:
            loaded.mandate += [item.text, *(row.text for row in item.translations)]
            for link in item.need_links:
                need = link.need
                if need.pk not in need_texts:
                    need_texts[need.pk] = localized(need.label) + " " + localized(need.plain)
                loaded.needs.append(need_texts[need.pk])
    for organization_id, *parts, hours in (
        Location.objects.filter(organization_id__in=ids)
        .order_by("name", "id")
        .values_list("organization_id", "name", "street", "city", "opening_hours")
    ):
        texts[organization_id].places += [" ".join(part for part in parts if part), hours]
    return texts


def _texts(organization, internal: bool, loaded: _LoadedTexts):
    """(place, text) pairs of an organisation, best place first."""
    yield NAME, organization.name
    for value in (organization.actor_type.name or {}).values():
        yield ACTOR_TYPE, value
    yield DESCRIPTION, organization.description
    for code in organization.languages or []:
        yield LANGUAGES, " ".join(language_names(code))
    for text in loaded.mandate:
        yield MANDATE, text
    for text in loaded.needs:
        yield NEEDS, text
    if not organization.confidential_address:
        for text in loaded.places:
            yield PLACES, text
    if internal:
        # The searching network's own note (set by the search view; notes are per municipality).
        yield INTERNAL, getattr(organization, "network_note", "")
        for person in consented_contacts(organization):
            yield (
                INTERNAL,
                " ".join(
                    part for part in (person.name, person.function, person.practical_note) if part
                ),
            )


def snippet(text: str, terms: list[str]) -> SafeString | str:
    """The words around the first match, matching words in <mark> (escaped)."""
    words = text.split()
    hits = [index for index, word in enumerate(words) if _word_matches(word, terms)]
    if not hits:
        return ""
    start = max(0, hits[0] - SNIPPET_BEFORE)
    end = min(len(words), hits[0] + SNIPPET_AFTER)
    shown = [
        f"<mark>{escape(word)}</mark>" if _word_matches(word, terms) else escape(word)
        for word in words[start:end]
    ]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(words) else ""
    return mark_safe(prefix + " ".join(shown) + suffix)  # noqa: S308 - every word escaped


def rank(organizations, terms: list[str], *, internal: bool) -> list[Ranked]:
    """Results ordered by where their terms match (stable for equal scores).

    Each text is normalised once per organisation (not once per term): ranking is Python work
    per result, so it only ever sees the candidates the database returned (at most a hundred).
    """
    ranked = []
    loaded = ranking_texts(organizations)
    for organization in organizations:
        result = Ranked(organization)
        texts = [
            (place, text, _forms(text))
            for place, text in _texts(organization, internal, loaded[organization.pk])
            if text
        ]
        best_text = ""
        for term in terms:
            for (weight, label), text, forms in texts:
                if any(term in form for form in forms):
                    result.score += weight
                    if str(label) not in result.where:
                        result.where.append(str(label))
                    if not best_text and (weight, label) not in (NAME, ACTOR_TYPE):
                        best_text = text
                    break
        result.snippet = snippet(best_text, terms) if best_text else ""
        ranked.append(result)
    ranked.sort(key=lambda result: -result.score)
    return ranked


def _forms(text: str) -> tuple[str, str]:
    return normalize(text), normalize(text, umlaut_plain=True)
