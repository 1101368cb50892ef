"""A first plan from the network's current state: proposals the coordinator accepts, edits or drops.

Sources: open gaps of target-group actor types (the network's gap analysis), the roadmap's next
step and stale guidebook entries. Each proposal carries a source key, so drafting twice never
proposes the same thing again: accepted measures keep the key, and a dropped proposal is kept
(hidden) so that it does not come back. Trainings follow once the learning app registers them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from wegweiser.guidebook.services import stale_organizations

from . import sources
from .models import ActionPlan, Field, Measure, Topic


@dataclass(frozen=True)
class Proposal:
    source_key: str
    field: str
    topic: str
    title: str
    goal: str
    indicator: str
    target: Decimal
    indicator_param: str = ""
    indicator_label: str = ""


def proposals_for(plan: ActionPlan) -> list[Proposal]:
    network = plan.network
    result = [_gap_proposal(gap) for gap in sources.gaps(network)]
    step = sources.next_roadmap_step(network)
    if step is not None:
        result.append(
            Proposal(
                source_key=f"roadmap:{step.key}",
                field=Field.COOPERATION,
                topic=Topic.REFERRAL,
                title=_("Next step of the network: %(step)s") % {"step": step.definition.title},
                goal=str(step.definition.explanation),
                indicator="meetings_held",
                target=Decimal(2),
            )
        )
    if network.municipality_id and stale_organizations(network.municipality):
        result.append(
            Proposal(
                source_key="guidebook:stale",
                field=Field.PREVENTION,
                topic=Topic.INFORMATION,
                title=_("Keep the guidebook up to date"),
                goal=_(
                    "Every organisation confirms or corrects its guidebook entry, so that workers "
                    "and professionals find current information."
                ),
                indicator="guidebook_fresh",
                target=Decimal(100),
            )
        )
    return result


def _gap_proposal(gap) -> Proposal:
    actor_type = gap.actor_type
    return Proposal(
        source_key=f"gap:{actor_type.key}",
        field=Field.COOPERATION,
        topic=Topic.REFERRAL,
        title=_("Win %(actor_type)s for the network") % {"actor_type": actor_type},
        goal=_(
            "%(actor_type)s takes part in the network with a named person, so that affected "
            "people are referred without detours."
        )
        % {"actor_type": actor_type},
        indicator="members_of_type",
        indicator_param=actor_type.key,
        target=Decimal(1),
    )


def create_proposals(plan: ActionPlan) -> list[Measure]:
    """Store new proposals (not those already in the plan or already proposed)."""
    known = set(
        Measure.objects.filter(plan=plan)
        .exclude(source_key="")
        .values_list("source_key", flat=True)
    )
    year_start = datetime.date(plan.starts_year, 1, 1)
    year_end = datetime.date(plan.starts_year, 12, 31)
    created = []
    for proposal in proposals_for(plan):
        if proposal.source_key in known:
            continue
        created.append(
            Measure.objects.create(
                plan=plan,
                proposed=True,
                source_key=proposal.source_key,
                field=proposal.field,
                topic=proposal.topic,
                title=proposal.title,
                goal=proposal.goal,
                indicator=proposal.indicator,
                indicator_param=proposal.indicator_param,
                indicator_label=proposal.indicator_label,
                target=proposal.target,
                starts_on=year_start,
                ends_on=year_end,
            )
        )
    return created
