"""The path from Workshop I to a living round table, and the templates for each step.

Progress is derived from real data only: meetings held (in the past, with recorded attendance) and
the statuses of the guidebook entries. Nothing here can be ticked by hand.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wegweiser.guidebook.models import ActorType, Organization, OrganizationStatus

from .models import Meeting, MeetingKind, Network

# Round tables that count as "meeting regularly": this many held within the last year, and the
# next one scheduled.
REGULAR_MIN_HELD = 2
REGULAR_WINDOW_DAYS = 365


@dataclass(frozen=True)
class StepTemplate:
    meeting_kind: str | None
    title: Promise
    duration_minutes: int
    invitation: Promise
    agenda: list[tuple[Promise, int]]
    participants: Promise
    checklist: list[Promise]
    feedback: list[Promise]


@dataclass(frozen=True)
class StepDefinition:
    key: str
    title: Promise
    explanation: Promise
    template: StepTemplate


@dataclass
class StepState:
    definition: StepDefinition
    done: bool
    evidence: str = ""
    is_next: bool = False

    @property
    def key(self) -> str:
        return self.definition.key


@dataclass
class Roadmap:
    steps: list[StepState] = field(default_factory=list)

    @property
    def next_step(self) -> StepState | None:
        return next((step for step in self.steps if step.is_next), None)

    @property
    def done_count(self) -> int:
        return sum(1 for step in self.steps if step.done)


WORKSHOP_1 = StepTemplate(
    meeting_kind=MeetingKind.WORKSHOP_1,
    title=_("Workshop I: who does what against labour exploitation?"),
    duration_minutes=180,
    invitation=_(
        "Dear colleagues,\n\n"
        "people who are exploited at work rarely find help on their own. Often several of us "
        "meet them – at the job centre, at the immigration authority, during an inspection – but "
        "nobody knows what the others can do. We would like to change that.\n\n"
        "We invite you to a first workshop in which every authority and counselling service "
        "briefly presents what it can do for affected people, what it cannot do and which duties "
        "to pass on data it has. From this we will build a shared guidebook for our town.\n\n"
        "Please bring one person who deals with such cases in practice. There are no "
        "presentations to prepare; five minutes of introduction per organisation are enough.\n\n"
        "Please let us know by reply whether you will attend.\n\n"
        "Kind regards"
    ),
    agenda=[
        (_("Welcome and why we meet"), 15),
        (_("Round of introductions: what can your organisation do, what can it not do?"), 60),
        (_("Break"), 15),
        (_("A case from practice: who would have been responsible when?"), 45),
        (_("Gaps and duties to inform: where do affected people get lost?"), 30),
        (_("Next steps: guidebook entries and Workshop II"), 15),
    ],
    participants=_(
        "One person with practical case experience from each target-group actor: job centre, "
        "employment agency, immigration authority, social welfare office, labour inspection, "
        "public order office, police, customs (FKS), the specialised counselling service and the "
        "integration commissioner."
    ),
    checklist=[
        _("Room for 15–20 people, step-free, with a table arrangement for group work"),
        _("Name cards and a printed participant list"),
        _("Flip chart or pin boards with cards for the round of introductions"),
        _("Printed mandate templates for each actor type (from the guidebook)"),
        _("An anonymised case from practice to discuss"),
        _("Drinks and a short break"),
    ],
    feedback=[
        _("Was it clear to you what the other organisations can and cannot do?"),
        _("Which organisation was missing today?"),
        _("What would help you most in your daily work with affected people?"),
        _("Would your organisation write its own guidebook entry in Workshop II?"),
    ],
)

WORKSHOP_2 = StepTemplate(
    meeting_kind=MeetingKind.WORKSHOP_2,
    title=_("Workshop II: writing our guidebook entries"),
    duration_minutes=180,
    invitation=_(
        "Dear colleagues,\n\n"
        "thank you for taking part in the first workshop. As agreed, we now want to write the "
        "guidebook together: every organisation describes in its own words what it can do for "
        "affected people, what it cannot do, on which legal basis it acts and what happens to "
        "the data of the person concerned.\n\n"
        "Please bring the draft of your entry (it is already in the system as a template) and, if "
        "possible, a person who may approve it for your organisation.\n\n"
        "Kind regards"
    ),
    agenda=[
        (_("Welcome and results of Workshop I"), 15),
        (_("Writing the entries in pairs of organisations"), 75),
        (_("Break"), 15),
        (_("Reading each other's entries: is everything understandable?"), 45),
        (_("Contact persons and consent to be named"), 15),
        (_("Agreement on review and publication"), 15),
    ],
    participants=_(
        "The people who attended Workshop I, and for each organisation someone who may approve "
        "its guidebook entry."
    ),
    checklist=[
        _("Laptops or tablets with access to the guidebook drafts"),
        _("Printed drafts of every organisation's entry"),
        _("Consent forms for named contact persons"),
        _("Results of Workshop I on the wall"),
    ],
    feedback=[
        _("Does your organisation's entry describe your work correctly?"),
        _("Which entry of another organisation surprised you?"),
        _("Who in your organisation still has to approve the entry?"),
    ],
)

ROUND_TABLE = StepTemplate(
    meeting_kind=MeetingKind.ROUND_TABLE,
    title=_("Round table against labour exploitation"),
    duration_minutes=120,
    invitation=_(
        "Dear members of the network,\n\n"
        "we invite you to our round table against labour exploitation. We will report on "
        "developments since the last meeting, look at the open tasks and discuss cases from "
        "practice – anonymised, without names.\n\n"
        "The agenda and the open tasks are attached. Please let us know whether you will attend.\n\n"
        "Kind regards"
    ),
    agenda=[
        (_("Welcome and approval of the last minutes"), 10),
        (_("News from the organisations"), 30),
        (_("Open tasks from the last meeting"), 20),
        (_("Anonymised cases from practice"), 40),
        (_("Guidebook: entries to be confirmed or updated"), 10),
        (_("Any other business and next date"), 10),
    ],
    participants=_("All members of the network; guests by invitation of the coordination."),
    checklist=[
        _("Send the agenda at least two weeks ahead"),
        _("Circulate the minutes of the last meeting"),
        _("List of open tasks (it is added to the agenda automatically)"),
        _("Participant list for signatures"),
    ],
    feedback=[
        _("Was the round table worth your time?"),
        _("Which topic should we treat next time?"),
        _("Is there an organisation we should invite?"),
    ],
)

GUIDEBOOK_REVIEW = StepTemplate(
    meeting_kind=MeetingKind.WORKING_GROUP,
    title=_("Working group: reviewing the guidebook"),
    duration_minutes=90,
    invitation=_(
        "Dear colleagues,\n\n"
        "the guidebook entries are written. Before we publish them, we would like to go through "
        "them together once more: are they correct, understandable and up to date?\n\n"
        "Kind regards"
    ),
    agenda=[
        (_("Entries still waiting for approval"), 40),
        (_("Wording in plain language for the public version"), 30),
        (_("Who confirms the entries every six months?"), 20),
    ],
    participants=_("One person per organisation who may approve its entry."),
    checklist=[
        _("List of entries waiting for approval"),
        _("Printed public version of the guidebook"),
    ],
    feedback=[
        _("Is the public version understandable for people without professional knowledge?"),
        _("What is still missing in the guidebook?"),
    ],
)


def _steps() -> list[StepDefinition]:
    return [
        StepDefinition(
            "workshop_1",
            _("Workshop I held"),
            _("The actors meet for the first time and learn what each of them can do."),
            WORKSHOP_1,
        ),
        StepDefinition(
            "guidebook_drafted",
            _("Guidebook drafted"),
            _("Entries exist for at least half of the target-group actor types."),
            WORKSHOP_2,
        ),
        StepDefinition(
            "guidebook_reviewed",
            _("Guidebook reviewed"),
            _("Reached when no entry is a draft any more: every entry was sent for approval."),
            GUIDEBOOK_REVIEW,
        ),
        StepDefinition(
            "guidebook_published",
            _("Guidebook published"),
            _("Reached when every entry is published."),
            GUIDEBOOK_REVIEW,
        ),
        StepDefinition(
            "round_table",
            _("Round table constituted"),
            _("A first round table has been held."),
            ROUND_TABLE,
        ),
        StepDefinition(
            "regular",
            _("The round table meets regularly"),
            _(
                "At least two round tables in the last twelve months, and the next one is scheduled."
            ),
            ROUND_TABLE,
        ),
    ]


def step_definition(key: str) -> StepDefinition | None:
    return next((step for step in _steps() if step.key == key), None)


def step_keys() -> list[str]:
    return [step.key for step in _steps()]


def compute(network: Network, now: datetime.datetime | None = None) -> Roadmap:
    """Where the network stands, derived from meetings held and guidebook statuses."""
    now = now or timezone.now()
    return from_facts({**_meeting_facts(network, now), **_guidebook_facts(network)})


def from_facts(facts: dict[str, tuple[bool, object]]) -> Roadmap:
    """The roadmap from facts gathered elsewhere (the state overview reads them in bulk)."""
    roadmap = Roadmap()
    next_found = False
    for definition in _steps():
        done, evidence = facts[definition.key]
        state = StepState(definition, done, str(evidence))
        if not done and not next_found:
            state.is_next = True
            next_found = True
        roadmap.steps.append(state)
    return roadmap


def _meeting_facts(network: Network, now: datetime.datetime) -> dict[str, tuple[bool, object]]:
    """Steps done by meetings: Workshop I, the first round table, regular round tables."""
    meetings = Meeting.objects.filter(network=network)
    held_kinds: dict[str, int] = {}
    for kind in (
        meetings.held(now).order_by().values_list("kind", flat=True)  # distinct meetings
    ):
        held_kinds[kind] = held_kinds.get(kind, 0) + 1
    recent_round_tables = (
        meetings.held(now)
        .filter(
            kind=MeetingKind.ROUND_TABLE,
            starts_at__gte=now - datetime.timedelta(days=REGULAR_WINDOW_DAYS),
        )
        .count()
    )
    next_round_table = meetings.upcoming(now).filter(kind=MeetingKind.ROUND_TABLE).exists()
    return meeting_facts(held_kinds, recent_round_tables, next_round_table)


def meeting_facts(
    held_kinds: dict[str, int], recent_round_tables: int, next_round_table: bool
) -> dict[str, tuple[bool, object]]:
    """Steps done by meetings, from counts of held meetings per kind."""
    return {
        "workshop_1": (
            held_kinds.get(MeetingKind.WORKSHOP_1, 0) > 0,
            _("Workshop I held with recorded attendance."),
        ),
        "round_table": (held_kinds.get(MeetingKind.ROUND_TABLE, 0) > 0, ""),
        "regular": (
            recent_round_tables >= REGULAR_MIN_HELD and next_round_table,
            ngettext(
                "%(count)s round table held in the last twelve months; next one scheduled: %(next)s.",
                "%(count)s round tables held in the last twelve months; next one scheduled: %(next)s.",
                recent_round_tables,
            )
            % {"count": recent_round_tables, "next": _("yes") if next_round_table else _("no")},
        ),
    }


def _guidebook_facts(network: Network) -> dict[str, tuple[bool, object]]:
    """Steps done in the guidebook: entries drafted for half the target groups, reviewed, published."""
    organizations = (
        Organization.objects.filter(municipalities=network.municipality)
        if network.municipality_id
        else Organization.objects.none()
    )
    statuses = list(organizations.values_list("status", "actor_type_id"))
    target_types = set(ActorType.objects.filter(target_group=True).values_list("id", flat=True))
    return guidebook_facts(statuses, target_types)


def guidebook_facts(
    statuses: list[tuple[str, int]], target_types: set[int]
) -> dict[str, tuple[bool, object]]:
    """Steps done in the guidebook, from (status, actor type) of every entry of the municipality."""
    covered = {type_id for _status, type_id in statuses if type_id in target_types}
    needed = math.ceil(len(target_types) / 2) if target_types else 1
    drafted = len(covered) >= needed
    reviewed = drafted and all(status != OrganizationStatus.DRAFT for status, _t in statuses)
    published = drafted and all(status == OrganizationStatus.PUBLISHED for status, _t in statuses)
    return {
        "guidebook_drafted": (
            drafted,
            _("%(covered)s of %(total)s target-group actor types have an entry.")
            % {"covered": len(covered), "total": len(target_types)},
        ),
        "guidebook_reviewed": (reviewed, ""),
        "guidebook_published": (published, _unpublished_evidence(statuses, drafted)),
    }


def _unpublished_evidence(statuses: list[tuple[str, int]], drafted: bool) -> str:
    """Say what is missing, so the step never reads as reached while an entry waits."""
    waiting = sum(1 for status, _t in statuses if status == OrganizationStatus.IN_REVIEW)
    drafts = sum(1 for status, _t in statuses if status == OrganizationStatus.DRAFT)
    parts = []
    if waiting:
        parts.append(
            ngettext(
                "%(count)s entry waits for approval.",
                "%(count)s entries wait for approval.",
                waiting,
            )
            % {"count": waiting}
        )
    if drafts:
        parts.append(
            ngettext("%(count)s entry is a draft.", "%(count)s entries are drafts.", drafts)
            % {"count": drafts}
        )
    if not parts and not drafted:
        parts.append(str(_("Not enough entries yet (see the step before).")))
    return " ".join(str(part) for part in parts)
