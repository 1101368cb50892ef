"""Read-side queries of the guidebook: what a user may see, fetched at constant query cost.

Every page, export, navigator result, API route and cache of the guidebook asks these functions;
nothing filters organisations or contact persons by hand. Who may see what is decided in
`access.py`:

* public: published, not archived organisations serving the municipality; no contact persons, no
  internal notes, no street address of organisations with a confidential address.
* internal (`access.may_see_internal`): the same organisations plus consented contact persons
  (prefetched into the attribute named by `CONTACTS_ATTR`) and internal notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from wegweiser.core.models import Municipality, State

from .access import may_edit, may_see_internal
from .models import (
    ActorType,
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Need,
    Organization,
)

# Consented contact persons prefetched by `published_organizations(..., contacts=True)`.
CONTACTS_ATTR = "consented_contacts"
SEARCH_TEXT_FIELDS = ("search_text", "internal_search_text")


def _with_relations(
    queryset: QuerySet[Organization],
    *,
    contacts: bool,
    language: str | None = None,
    cards_only: bool = False,
) -> QuerySet[Organization]:
    """Prefetch what pages render; with `language`, only the mandate translations into it (German
    is the items' own text, so none for "de"); with `cards_only`, only what an organisation card
    renders (actor type and contact persons: no locations, no mandate)."""
    translations = MandateTranslation.objects.all()
    if language is not None:
        translations = translations.filter(language=language)

    prefetches = []
    if not cards_only:
        prefetches += [
            Prefetch("locations", queryset=Location.objects.order_by("name", "id")),
            Prefetch(
                "mandate_items",
                queryset=MandateItem.objects.order_by("order", "kind", "id").prefetch_related(
                    Prefetch("translations", queryset=translations),
                    # Needs prefetched, not joined: one shared instance per need of the
                    # vocabulary instead of one per link (a navigator result has ~1,000 links).
                    Prefetch(
                        "need_links",
                        queryset=MandateNeed.objects.prefetch_related("need").order_by(
                            "need__order", "need__key"
                        ),
                    ),
                ),
            ),
        ]
    if contacts:
        prefetches.append(
            Prefetch(
                "contact_persons",
                queryset=ContactPerson.objects.with_consent().order_by("name", "id"),
                to_attr=CONTACTS_ATTR,
            )
        )
    # The normalised search texts (kilobytes per actor, only read by the search's SQL) stay in
    # the database: fetching them made every page carry megabytes at state scale (issue 16).
    # The kinds of actor are prefetched, not joined: a dozen rows shared by all organisations
    # instead of one copy per organisation, each decoding three JSON fields (its name, summary
    # and mandate template): a third of the time of listing a guidebook's organisations. The
    # mandate template (only read when an entry is created) stays in the database.
    return queryset.defer(*SEARCH_TEXT_FIELDS).prefetch_related(
        Prefetch("actor_type", queryset=ActorType.objects.defer("mandate_template")), *prefetches
    )


def ordered(queryset: QuerySet[Organization]) -> QuerySet[Organization]:
    """Counselling services first (for people seeking help), then actor type order, then name."""
    return queryset.order_by("-actor_type__counselling", "actor_type__order", "name", "id")


def published_organizations(
    municipality: Municipality,
    *,
    contacts: bool = False,
    language: str | None = None,
    cards_only: bool = False,
) -> QuerySet[Organization]:
    """Published, not archived organisations serving the municipality, with everything a page,
    export or navigator result renders prefetched (a constant number of queries however many
    actors there are): actor type, locations, mandate items with translations and needs.

    With contacts=True, consented contact persons are prefetched too (attribute `CONTACTS_ATTR`,
    read them with `consented_contacts()`); only pass it for users for whom
    `access.may_see_internal` is true. With `language`, only the mandate translations into that
    language are fetched (for a page in one language; exports leave it out). With `cards_only`,
    only what an organisation card renders is fetched (the search, whose ranking reads the texts
    it needs itself: `search_rank.ranking_texts`).
    """
    queryset = Organization.objects.published().filter(pk__in=serving_ids(municipality))
    return ordered(
        _with_relations(queryset, contacts=contacts, language=language, cards_only=cards_only)
    )


# --- the mandate as plain rows (the navigator) ------------------------------------------------
# The navigator reads, of up to a hundred organisations, every mandate item with its need links
# and its translation into the page's language: ~1,000 objects per result at state scale. As
# model instances through Django's prefetch (a queryset cloned per organisation and per item)
# that was most of an uncached result (issue 16); as plain rows it is a fraction. The rows
# carry what the navigator reads; `mandate_items_of` and its siblings read them (or, for an
# organisation loaded otherwise, its related managers).
ITEMS_ATTR = "mandate_item_list"


@dataclass(slots=True)
class TranslationRow:
    language: str
    text: str


@dataclass(slots=True)
class NeedLinkRow:
    role: str
    need: Need  # one shared instance per need of the vocabulary


@dataclass(slots=True)
class MandateRow:
    id: Any
    kind: str
    text: str
    source: str
    need_links: list[NeedLinkRow] = field(default_factory=list)
    translations: list[TranslationRow] = field(default_factory=list)


def published_with_mandate_rows(
    municipality: Municipality,
    *,
    contacts: bool = False,
    language: str | None = None,
    condition: Q | None = None,
) -> list[Organization]:
    """`published_organizations` (restricted by `condition`) with locations, contact persons and
    the mandate as plain rows: items in page order, their need links in vocabulary order, their
    translations (only into `language` when given; none for German, the items' own text)."""
    serving = Organization.objects.published().filter(pk__in=serving_ids(municipality))
    if condition is not None:
        serving = serving.filter(condition)
    queryset = _with_relations(serving, contacts=contacts, cards_only=True).prefetch_related(
        Prefetch("locations", queryset=Location.objects.order_by("name", "id"))
    )
    organizations = list(ordered(queryset))
    _attach_mandate_rows(organizations, language)
    return organizations


def _attach_mandate_rows(organizations: list[Organization], language: str | None) -> None:
    rows = mandate_rows([organization.pk for organization in organizations], language)
    for organization in organizations:
        setattr(organization, ITEMS_ATTR, rows[organization.pk])


def mandate_rows(organization_ids: list, language: str | None) -> dict[Any, list[MandateRow]]:
    """The mandate of each organisation as plain rows, in four queries: items in page order,
    their need links in vocabulary order (one shared Need per need), their translations (all,
    or only into `language`; none for German, the items' own text)."""
    items: dict[Any, MandateRow] = {}
    by_organization: dict[Any, list[MandateRow]] = {pk: [] for pk in organization_ids}
    for item_id, organization_id, kind, text, source in (
        MandateItem.objects.filter(organization_id__in=organization_ids)
        .order_by("order", "kind", "id")
        .values_list("id", "organization_id", "kind", "text", "source")
    ):
        items[item_id] = MandateRow(item_id, kind, text, source)
        by_organization[organization_id].append(items[item_id])
    if language != "de":
        translations = MandateTranslation.objects.filter(item__organization_id__in=organization_ids)
        if language is not None:
            translations = translations.filter(language=language)
        for item_id, code, text in translations.order_by("language", "id").values_list(
            "item_id", "language", "text"
        ):
            items[item_id].translations.append(TranslationRow(code, text))
    needs = {need.pk: need for need in Need.objects.all()}
    for item_id, role, need_id in (
        MandateNeed.objects.filter(item__organization_id__in=organization_ids)
        .order_by("need__order", "need__key")
        .values_list("item_id", "role", "need_id")
    ):
        items[item_id].need_links.append(NeedLinkRow(role, needs[need_id]))
    return by_organization


def mandate_items_of(organization: Organization) -> list[Any]:
    """The organisation's mandate items: its plain rows when it has them (MandateRow)."""
    prefetched = getattr(organization, ITEMS_ATTR, None)
    if prefetched is not None:
        return prefetched
    return list(organization.mandate_items.all())


def need_links_of(item) -> list[Any]:
    """The mandate item's links to needs (NeedLinkRow for a MandateRow)."""
    if isinstance(item, MandateRow):
        return item.need_links
    return list(item.need_links.all())


def translations_of(item) -> list[Any]:
    """The mandate item's translations (TranslationRow for a MandateRow)."""
    if isinstance(item, MandateRow):
        return item.translations
    return list(item.translations.all())


def forget_mandate_lists(organization: Organization) -> None:
    """Drop the prefetched mandate (rows and querysets), e.g. before an object is cached."""
    organization._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    organization.__dict__.pop(ITEMS_ATTR, None)


def serving_ids(municipality: Municipality) -> QuerySet:
    """Subquery of the ids of organisations serving the municipality: its own and the state-wide
    actors of its state (Organization.state belongs to every municipal guidebook of the state).

    A UNION of two indexed lookups rather than `municipalities=… OR state=…` with DISTINCT: the
    OR over a join cannot use an index, so at state scale (60,000 actors) every guidebook page,
    search and navigator request scanned and de-duplicated the whole table (issue 16).
    """
    return _municipal_and_statewide_ids({"municipality_id": municipality.pk}, municipality.state_id)


def published_in_state(state: State, *, cards_only: bool = False) -> QuerySet[Organization]:
    """Published organisations serving any municipality of the state, and its state-wide actors,
    with everything an export renders prefetched (public fields only: no contact persons); with
    `cards_only`, only the kind of actor (see `_with_relations`)."""
    queryset = Organization.objects.published().filter(serving_in_state(state))
    return ordered(_with_relations(queryset, contacts=False, cards_only=cards_only))


def serving_in_state(state: State) -> Q:
    """Condition for organisations serving any municipality of the state, and its state-wide
    actors: `id IN (links to the state's municipalities) OR state_id = …`, no join, no DISTINCT.

    PostgreSQL checks each candidate's id against a hash of the links built once, so a text
    match or a page of a listing reads only the rows it needs. As a UNION subquery (like
    `serving_ids`) the planner guessed 200 ids for 60,000 and looked each one up: a state-wide
    word search took 1,020 ms instead of 89 ms, a page of the HSDS listing 148 instead of 68 ms
    (issue 16). For one municipality (a few hundred ids) the UNION stays the better plan.
    """
    links = Organization.municipalities.through.objects.filter(municipality__state_id=state.pk)
    return Q(pk__in=links.values("organization_id")) | Q(state_id=state.pk)


def _municipal_and_statewide_ids(municipal_filter: dict, state_id) -> QuerySet:
    """UNION ALL of the organisations linked to the municipalities the filter selects and the
    state-wide actors of the state: two indexed lookups."""
    municipal = (
        Organization.municipalities.through.objects.filter(**municipal_filter)
        .values("organization_id")
        .order_by()
    )
    statewide = Organization.objects.filter(state_id=state_id).values("pk").order_by()
    return municipal.union(statewide, all=True)


def consented_contacts(organization: Organization) -> list[ContactPerson]:
    """The consented contact persons of an organisation (prefetched when the selector did)."""
    prefetched = getattr(organization, CONTACTS_ATTR, None)
    if prefetched is not None:
        return list(prefetched)
    return list(organization.contact_persons.with_consent().order_by("name", "id"))


def published_counselling_services(
    *, municipality: Municipality | None = None, state: State | None = None
) -> QuerySet[Organization]:
    """Published counselling services serving the municipality (or any municipality of the
    state), by name, with locations and the needs their mandate serves prefetched.

    Only non-state services: a worker without a secure residence status must never be sent to a
    public body as her first or fallback contact (DESIGN §6b').
    """
    organizations = Organization.objects.published().filter(
        actor_type__counselling=True, actor_type__public_body=False
    )
    if municipality is not None:
        organizations = organizations.serving(municipality)
    elif state is not None:
        organizations = organizations.filter(municipalities__state=state)
    else:
        return Organization.objects.none()
    return (
        organizations.distinct()
        .select_related("actor_type")
        .prefetch_related(
            Prefetch(
                "mandate_items__need_links", queryset=MandateNeed.objects.select_related("need")
            ),
            "locations",
        )
        .order_by("name", "id")
    )


def visible_contact_persons(
    user, organization: Organization, municipality: Municipality
) -> list[ContactPerson]:
    """Consented contact persons of the organisation, or none for users outside the network."""
    if not may_see_internal(user, municipality):
        return []
    return consented_contacts(organization)


def organization_for_page(user, municipality: Municipality, pk) -> tuple[Organization, bool] | None:
    """An organisation of the municipality for its detail page, or None (→ 404).

    Returns (organisation, can_edit). Unpublished or archived entries are seen only by those who
    may edit them (coordinators of the municipality, members of the organisation). A state-wide
    actor of the municipality's state is part of its guidebook too, but it is kept by the state
    coordination (states app): nobody edits it from a municipal guidebook, so its drafts stay
    hidden here.
    """
    queryset = _with_relations(
        Organization.objects.filter(
            Q(municipalities=municipality) | Q(state_id=municipality.state_id)
        ).distinct(),
        contacts=may_see_internal(user, municipality),
    )
    organization = queryset.filter(pk=pk).first()
    if organization is None:
        return None
    editable = organization.state_id is None and may_edit(user, organization, municipality)
    visible = (organization.status == "published" and organization.archived_at is None) or editable
    return (organization, editable) if visible else None


def internal_note(organization: Organization, municipality: Municipality) -> str:
    """The municipality network's own note on the organisation ("" when it has none)."""
    from .models import InternalNote

    note = InternalNote.objects.filter(organization=organization, municipality=municipality).first()
    return note.text if note else ""


def internal_notes_of(municipality: Municipality) -> dict:
    """The municipality network's notes, by organisation id (one query for a whole guidebook)."""
    from .models import InternalNote

    return dict(
        InternalNote.objects.filter(municipality=municipality).values_list(
            "organization_id", "text"
        )
    )
