"""Every write of the plans app, each in a transaction."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wegweiser.network.models import ActionItem

from . import draft, selectors
from .models import (
    ActionPlan,
    IndicatorValue,
    Measure,
    MeasureLink,
    MeasureStatus,
    PlanVersion,
    Review,
)


@transaction.atomic
def create_plan(network, *, title: str, starts_year: int, ends_year: int) -> ActionPlan:
    return ActionPlan.objects.create(
        network=network, title=title, starts_year=starts_year, ends_year=ends_year
    )


@transaction.atomic
def save(form):
    """Save a model form (plan or measure) in one transaction."""
    return form.save()


@transaction.atomic
def draft_proposals(plan: ActionPlan) -> list[Measure]:
    return draft.create_proposals(plan)


@transaction.atomic
def accept_proposal(measure: Measure) -> Measure:
    measure.proposed = False
    measure.save(update_fields=["proposed"])
    return measure


@transaction.atomic
def drop_proposal(measure: Measure) -> Measure:
    """A dropped proposal is kept hidden, so the next draft does not propose it again."""
    measure.status = MeasureStatus.DROPPED
    measure.save(update_fields=["status"])
    return measure


@transaction.atomic
def link(measure: Measure, *, action_item: ActionItem | None = None, decision=None) -> MeasureLink:
    """Attach a task or decision of the same network; a task moves from another measure."""
    target = action_item or decision
    if target is None:
        raise ValidationError(_("Choose a task or a decision."))
    network_id = action_item.network_id if action_item is not None else decision.meeting.network_id
    if network_id != measure.plan.network_id:
        raise ValidationError(_("The task belongs to another network."))
    if action_item is not None:
        MeasureLink.objects.filter(action_item=action_item).delete()
        return MeasureLink.objects.create(measure=measure, action_item=action_item)
    MeasureLink.objects.filter(decision=decision).delete()
    return MeasureLink.objects.create(measure=measure, decision=decision)


@transaction.atomic
def unlink(measure: Measure, link_id) -> int:
    deleted, _rows = MeasureLink.objects.filter(measure=measure, pk=link_id).delete()
    return deleted


@transaction.atomic
def add_value(measure: Measure, *, value, measured_on: datetime.date, note: str, user):
    return IndicatorValue.objects.create(
        measure=measure, value=value, measured_on=measured_on, note=note, recorded_by=user
    )


@transaction.atomic
def adopt(
    plan: ActionPlan, *, adopted_on: datetime.date, adopted_by: str, decision_reference: str, user
) -> PlanVersion:
    """Freeze the plan's text as adopted by the council."""
    if not selectors.plan_measures(plan).exists():
        raise ValidationError(_("A plan without measures cannot be adopted."))
    # Lock the plan row so two adoptions at once cannot take the same number.
    ActionPlan.objects.select_for_update().filter(pk=plan.pk).first()
    last = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    return PlanVersion.objects.create(
        plan=plan,
        number=(last.number + 1) if last else 1,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        decision_reference=decision_reference,
        content=selectors.snapshot(plan),
        recorded_by=user,
    )


@transaction.atomic
def create_review(plan: ActionPlan, *, year: int, summary: str, changes: str, user) -> Review:
    if Review.objects.filter(plan=plan, year=year).exists():
        raise ValidationError(_("There is already a review for this year."))
    return Review.objects.create(
        plan=plan,
        year=year,
        summary=summary,
        changes=changes,
        figures=selectors.review_figures(plan),
        created_by=user,
    )
