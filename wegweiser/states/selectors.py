"""Reads of the state level: the coverage of a state, in a constant number of queries.

Figures only: counts, dates and roadmap steps, never meeting contents or personal data.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from wegweiser.accounts.models import Membership
from wegweiser.core.models import Municipality, State
from wegweiser.guidebook.models import ActorType, MandateNeed, Organization, OrganizationStatus
from wegweiser.guidebook.search import first_matches
from wegweiser.guidebook.selectors import published_in_state, serving_ids
from wegweiser.network import roadmap
from wegweiser.network.models import Meeting, MeetingKind, Network
from wegweiser.network.selectors import public_agreements_in_state

from . import reference
from .registry import coverage_columns

QUARTERS = 8


@dataclass
class CoverageRow:
    municipality: Municipality
    district: str
    network: Network | None
    roadmap: roadmap.Roadmap | None = None
    entries: int = 0
    published: int = 0
    fresh: int = 0
    target_types_published: int = 0
    target_types: int = 0
    meetings_12m: int = 0
    gaps: int | None = None
    extra: list[object] = field(default_factory=list)

    @property
    def completeness(self) -> int:
        """Per cent of target-group actor types with a published entry."""
        if not self.target_types:
            return 0
        return round(100 * self.target_types_published / self.target_types)

    @property
    def freshness(self) -> int | None:
        """Per cent of published entries confirmed within the freshness window."""
        return round(100 * self.fresh / self.published) if self.published else None

    @property
    def step_label(self) -> str:
        if self.network is None:
            return ""
        next_step = self.roadmap.next_step if self.roadmap else None
        return str(next_step.definition.title) if next_step else ""


@dataclass
class Coverage:
    state: State
    rows: list[CoverageRow]
    trend: list[dict]
    columns: list
    reference_count: int

    @property
    def with_network(self) -> int:
        return sum(1 for row in self.rows if row.network is not None)

    @property
    def with_published_guidebook(self) -> int:
        return sum(1 for row in self.rows if row.published)


def _quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _previous_quarters(today: datetime.date, count: int) -> list[datetime.date]:
    starts = [_quarter_start(today)]
    while len(starts) < count:
        first = starts[-1] - datetime.timedelta(days=1)
        starts.append(_quarter_start(first))
    return list(reversed(starts))


def _held_meetings(state: State, now: datetime.datetime) -> list[tuple]:
    """(network id, kind, start) of every meeting held by a network of the state (one query)."""
    return list(
        Meeting.objects.held(now)
        .filter(network__municipality__state=state)
        .order_by()
        .values_list("id", "network_id", "kind", "starts_at")
    )


def _entries(state: State) -> dict[int, list[tuple]]:
    """Per municipality: (status, actor type, last confirmed, archived) of every entry (one query)."""
    through = Organization.municipalities.through
    rows = through.objects.filter(municipality__state=state).values_list(
        "municipality_id",
        "organization__status",
        "organization__actor_type_id",
        "organization__last_confirmed_at",
        "organization__archived_at",
    )
    entries: dict[int, list[tuple]] = defaultdict(list)
    for municipality_id, *rest in rows:
        entries[municipality_id].append(tuple(rest))
    return entries


def _covered_types(state: State) -> dict[int, set[int]]:
    """Per municipality: actor types of organisations with an active member (one query)."""
    covered: dict[int, set[int]] = defaultdict(set)
    for municipality_id, type_id in (
        Membership.objects.active()
        .filter(municipality__state=state, organization__isnull=False)
        .values_list("municipality_id", "organization__actor_type_id")
    ):
        covered[municipality_id].add(type_id)
    return covered


def _fill_guidebook(row: CoverageRow, entries: list[tuple], targets: set[int]) -> None:
    since = timezone.localdate() - datetime.timedelta(days=settings.WEGWEISER_FRESHNESS_DAYS)
    current = [e for e in entries if e[3] is None]
    published = [e for e in current if e[0] == OrganizationStatus.PUBLISHED]
    row.entries = len(current)
    row.published = len(published)
    row.fresh = sum(1 for e in published if e[2] is not None and e[2] >= since)
    row.target_types = len(targets)
    row.target_types_published = len({e[1] for e in published} & targets)


def _fill_network(
    row: CoverageRow, held: list[tuple], upcoming: set, entries: list[tuple], targets: set[int]
) -> None:
    assert row.network is not None  # only called for rows with a network
    now = timezone.now()
    year_ago = now - datetime.timedelta(days=roadmap.REGULAR_WINDOW_DAYS)
    kinds: dict[str, int] = defaultdict(int)
    recent_round_tables = 0
    for _id, _network, kind, starts_at in held:
        kinds[kind] += 1
        if starts_at >= year_ago:
            row.meetings_12m += 1
            recent_round_tables += kind == MeetingKind.ROUND_TABLE
    facts = {
        **roadmap.meeting_facts(kinds, recent_round_tables, row.network.pk in upcoming),
        **roadmap.guidebook_facts([(e[0], e[1]) for e in entries], targets),
    }
    row.roadmap = roadmap.from_facts(facts)


def coverage(state: State) -> Coverage:
    """Every municipality of the state, with or without a network; a constant number of queries."""
    now = timezone.now()
    municipalities = list(
        Municipality.objects.filter(state=state).select_related("network").order_by("name")
    )
    targets = set(ActorType.objects.filter(target_group=True).values_list("id", flat=True))
    held = _held_meetings(state, now)
    held_by_network: dict = defaultdict(list)
    for meeting in held:
        held_by_network[meeting[1]].append(meeting)
    upcoming = set(
        Meeting.objects.upcoming(now)
        .filter(network__municipality__state=state, kind=MeetingKind.ROUND_TABLE)
        .values_list("network_id", flat=True)
    )
    entries = _entries(state)
    covered = _covered_types(state)
    ids = [m.pk for m in municipalities]
    extras = [column.provider(ids) for column in coverage_columns]
    rows = []
    for municipality in municipalities:
        network = getattr(municipality, "network", None)
        row = CoverageRow(municipality, reference.district_name(municipality.ags[:5]), network)
        _fill_guidebook(row, entries.get(municipality.pk, []), targets)
        if network is not None:
            _fill_network(
                row,
                held_by_network.get(network.pk, []),
                upcoming,
                entries.get(municipality.pk, []),
                targets,
            )
            row.gaps = len(targets - covered.get(municipality.pk, set()))
        row.extra = [values.get(municipality.pk) for values in extras]
        rows.append(row)
    return Coverage(
        state=state,
        rows=rows,
        trend=_trend(municipalities, held, now),
        columns=list(coverage_columns),
        reference_count=reference.count_in_state(state.code),
    )


def _trend(municipalities: list[Municipality], held: list[tuple], now) -> list[dict]:
    """Per quarter: municipalities on Wegweiser, networks, meetings held (from data already read)."""
    quarters = _previous_quarters(timezone.localdate(), QUARTERS)
    networks = [m.network for m in municipalities if getattr(m, "network", None) is not None]
    trend = []
    ends: list[datetime.date | None] = [*quarters[1:], None]
    for start, end in zip(quarters, ends, strict=True):

        def before_end(day: datetime.date, end: datetime.date | None = end) -> bool:
            return end is None or day < end

        trend.append(
            {
                "label": f"{start.year} Q{(start.month - 1) // 3 + 1}",
                "municipalities": sum(
                    1 for m in municipalities if before_end(timezone.localdate(m.created_at))
                ),
                "networks": sum(
                    1 for n in networks if before_end(timezone.localdate(n.created_at))
                ),
                "meetings": sum(
                    1
                    for meeting in held
                    if timezone.localdate(meeting[3]) >= start
                    and before_end(timezone.localdate(meeting[3]))
                ),
            }
        )
    return trend


# --- the map of districts ------------------------------------------------------------------------

STATUS_NONE, STATUS_STARTED, STATUS_NETWORK, STATUS_PUBLISHED = range(4)


@dataclass
class DistrictStatus:
    key: str
    name: str
    path: str = ""
    municipalities: list[str] = field(default_factory=list)
    networks: int = 0
    published: int = 0
    status: int = STATUS_NONE


INSET_COLUMNS, INSET_ROW = 3, 24


def _unplaced(row: CoverageRow, index: int) -> dict:
    """A municipality outside the reference list: a labelled square below the state's shape."""
    status = STATUS_STARTED
    if row.network is not None:
        status = STATUS_PUBLISHED if row.published else STATUS_NETWORK
    x = 4 + 130 * (index % INSET_COLUMNS)
    return {"row": row, "status": status, "index": index, "x": x, "text_x": x + 20}


def district_map(state: State, rows: list[CoverageRow]) -> dict:
    """Districts of the state coloured by the best network status of their municipalities.

    Municipalities whose key is not in the reference list (e.g. the fictional demo places) are
    listed in `unplaced`: they appear in the table, not on the map.
    """
    shapes = reference.state_shapes(state.code) or {"viewBox": "0 0 400 400", "paths": {}}
    own = {k: v for k, v in reference.districts().items() if k.startswith(state.code)}
    names = [name for name, _kind in own.values()]
    districts = {
        # Kaiserslautern the town and Kaiserslautern the district: the kind tells them apart.
        key: DistrictStatus(key, f"{name} ({kind})" if names.count(name) > 1 else name)
        for key, (name, kind) in own.items()
    }
    for key, shaped in districts.items():
        shaped.path = shapes["paths"].get(key, "")
    unplaced: list[dict] = []
    for row in rows:
        district = districts.get(row.municipality.ags[:5])
        if district is None:
            unplaced.append(_unplaced(row, len(unplaced)))
            continue
        district.municipalities.append(row.municipality.name)
        district.networks += row.network is not None
        district.published += bool(row.network is not None and row.published)
        status = STATUS_STARTED
        if row.network is not None:
            status = STATUS_PUBLISHED if row.published else STATUS_NETWORK
        district.status = max(district.status, status)
    width, height = (float(n) for n in shapes["viewBox"].split()[2:])
    inset_y = height + 16
    if unplaced:
        height += 16 + INSET_ROW * math.ceil(len(unplaced) / INSET_COLUMNS)
    for item in unplaced:
        # Whole numbers: templates would localise a float ("560,0" in German), SVG needs "560".
        item["y"] = round(inset_y + INSET_ROW * (item["index"] // INSET_COLUMNS))
        item["text_y"] = item["y"] + 12
    return {
        "viewBox": f"0 0 {width:.0f} {height:.0f}",
        "districts": sorted(districts.values(), key=lambda d: d.name),
        "unplaced": unplaced,
        "attribution": reference.attribution(),
    }


def round_table(state: State) -> Network | None:
    """The state round table (a network of the state), if it was started."""
    return Network.objects.filter(state=state).first()


def public_state_page(state: State) -> dict:
    """Only public data: published state-wide actors, municipalities with a network and a
    published guidebook, and the map of districts. No member, no meeting, no internal note."""
    rows = [
        CoverageRow(m, reference.district_name(m.ags[:5]), getattr(m, "network", None))
        for m in Municipality.objects.filter(state=state).select_related("network").order_by("name")
    ]
    published = set(
        Organization.municipalities.through.objects.filter(
            municipality__state=state,
            organization__status=OrganizationStatus.PUBLISHED,
            organization__archived_at__isnull=True,
        ).values_list("municipality_id", flat=True)
    )
    for row in rows:
        row.published = int(row.municipality.pk in published)
    return {
        "state": state,
        "state_actors": list(
            Organization.objects.published()
            .filter(state=state)
            .select_related("actor_type")
            .order_by("actor_type__order", "name")
        ),
        "municipalities": [r for r in rows if r.network is not None and r.published],
        # Public fields only: no contact point, no task of a party.
        "agreements": public_agreements_in_state(state.pk),
        # Its existence and name only: meetings, members and minutes stay internal.
        "round_table_name": Network.objects.filter(state=state)
        .values_list("name", flat=True)
        .first(),
        "map": district_map(state, rows),
    }


# --- published organisations of a state, filtered (HSDS API and the members' search) ------------


def organizations_in_state(
    state: State,
    *,
    municipality: Municipality | None = None,
    actor_type: str | None = None,
    language: str | None = None,
    need: str | None = None,
    cards_only: bool = False,
) -> QuerySet[Organization]:
    """Published organisations of the state's municipal and state guidebooks, every given filter
    applied (AND). Public fields only; state-wide actors count for every municipality. With
    `cards_only`, without the mandate and locations (lists that show names and kinds only)."""
    queryset = published_in_state(state, cards_only=cards_only)
    if municipality is not None:
        # The municipality's own and the state-wide actors (indexed lookups, issue 16).
        queryset = queryset.filter(pk__in=serving_ids(municipality))
    if actor_type:
        queryset = queryset.filter(actor_type__key=actor_type)
    if need:
        queryset = queryset.filter(
            pk__in=MandateNeed.objects.filter(need__key=need).values("item__organization_id")
        )
    if language:
        # JSON containment is not portable (SQLite); the language lists are short.
        ids = [
            pk
            for pk, languages in queryset.values_list("pk", "languages")
            if language in (languages or [])
        ]
        queryset = queryset.filter(pk__in=ids)
    return queryset


def search_in_state(state: State, terms: list[str], *, limit: int, **filters) -> list[Organization]:
    """Up to `limit` published organisations of the state matching every search term (from
    `guidebook.search.query_terms`) and filter, in the guidebooks' order, whole-word matches
    first (see `guidebook.search.first_matches`), with what a result line shows."""
    queryset = organizations_in_state(state, cards_only=True, **filters)
    if not terms:
        return list(queryset[:limit])
    ids = first_matches(queryset, terms, limit=limit)
    found = {organization.pk: organization for organization in queryset.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
