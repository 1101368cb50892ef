"""Reads of action plans, shared by pages, PDFs, the public section and the state overview."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from wegweiser.network.models import Meeting

from . import indicators, sources
from .models import ActionPlan, Field, Measure, MeasureStatus, PlanVersion, Topic
from .public.labels import FIELD_LABELS as PUBLIC_FIELD_LABELS


@dataclass
class MeasureView:
    measure: Measure
    reading: indicators.Reading
    indicator_label: str
    tasks_total: int
    tasks_done: int

    @property
    def progress(self) -> int | None:
        """Percent done: the share of its tasks that are done; without tasks, its status."""
        if self.measure.status == MeasureStatus.DROPPED:
            return None
        if self.measure.status == MeasureStatus.DONE:
            return 100
        if self.tasks_total:
            return round(100 * self.tasks_done / self.tasks_total)
        return 0

    @property
    def target_reached(self) -> bool:
        return self.reading.reached(self.measure.target)


@dataclass
class FieldGroup:
    key: str
    label: str
    measures: list[MeasureView] = field(default_factory=list)


def measure_view(measure: Measure, memo: dict | None = None) -> MeasureView:
    annotated = getattr(measure, "tasks_total", None)  # annotated by plan_measures
    if annotated is not None:
        total, done = annotated, getattr(measure, "tasks_done", 0)
    else:
        tasks = list(sources.linked_tasks(measure).values_list("status", flat=True))
        total, done = len(tasks), sum(1 for status in tasks if status == "done")
    return MeasureView(
        measure=measure,
        reading=indicators.read(measure, memo),
        indicator_label=indicators.label(measure, memo),
        tasks_total=total,
        tasks_done=done,
    )


def plan_measures(plan: ActionPlan, *, proposed: bool = False):
    return (
        Measure.objects.filter(plan=plan, proposed=proposed)
        .select_related("plan__network__municipality")
        .prefetch_related(Prefetch("responsible"), Prefetch("references"), Prefetch("values"))
        .annotate(
            tasks_total=Count("links", filter=Q(links__action_item__isnull=False)),
            tasks_done=Count("links", filter=Q(links__action_item__status="done")),
        )
        .order_by("created_at")
    )


def fields_of(plan: ActionPlan) -> list[FieldGroup]:
    groups = {key: FieldGroup(key, str(label)) for key, label in Field.choices}
    memo: dict = {}
    for measure in plan_measures(plan):
        groups[measure.field].measures.append(measure_view(measure, memo))
    return list(groups.values())


def overall_progress(groups: list[FieldGroup]) -> int | None:
    values = [view.progress for group in groups for view in group.measures]
    counted = [value for value in values if value is not None]
    if not counted:
        return None
    return round(sum(counted) / len(counted))


def meetings_discussed(measure: Measure, visible_meetings) -> list[Meeting]:
    """Meetings where the measure was discussed: those of its linked tasks and decisions, as far as
    the reader may see them."""
    task_meetings = sources.linked_tasks(measure).values("meeting")
    decision_meetings = sources.linked_decisions(measure).values("meeting")
    return list(
        visible_meetings.filter(Q(pk__in=task_meetings) | Q(pk__in=decision_meetings))
        .distinct()
        .order_by("starts_at")
    )


def latest_version(plan: ActionPlan | None) -> PlanVersion | None:
    if plan is None:
        return None
    return PlanVersion.objects.filter(plan=plan).order_by("-number").first()


def snapshot(plan: ActionPlan) -> dict:
    """The plan's text as it stands, for freezing in an adopted version."""
    fields = []
    for group in fields_of(plan):
        fields.append(
            {
                "key": group.key,
                "measures": [_measure_snapshot(view) for view in group.measures],
            }
        )
    return {
        "title": plan.title,
        "starts_year": plan.starts_year,
        "ends_year": plan.ends_year,
        "public_summary": plan.public_summary,
        "internal_notes": plan.internal_notes,
        "fields": fields,
    }


def _measure_snapshot(view: MeasureView) -> dict:
    measure = view.measure
    return {
        "id": str(measure.id),
        "title": measure.title,
        "goal": measure.goal,
        "topic": measure.topic,
        "responsible": [organization.name for organization in measure.responsible.all()],
        "starts_on": measure.starts_on.isoformat() if measure.starts_on else "",
        "ends_on": measure.ends_on.isoformat() if measure.ends_on else "",
        "status": measure.status,
        "indicator": view.indicator_label,
        "target": str(measure.target),
        "references": [reference.short_title for reference in measure.references.all()],
        "is_public": measure.is_public,
        "internal_note": measure.internal_note,
    }


def public_content(version: PlanVersion) -> dict:
    """The public part of an adopted version: public measures, no internal notes."""
    labels = PUBLIC_FIELD_LABELS
    content = version.content
    return {
        "title": content["title"],
        "starts_year": content["starts_year"],
        "ends_year": content["ends_year"],
        "public_summary": content["public_summary"],
        "fields": [
            {
                "label": str(labels.get(group["key"], group["key"])),
                "measures": [
                    {k: v for k, v in m.items() if k != "internal_note"}
                    for m in group["measures"]
                    if m["is_public"]
                ],
            }
            for group in content["fields"]
        ],
    }


def content_with_labels(content: dict) -> dict:
    """A frozen version with translated field and status labels, for its page and PDF."""
    labels = dict(Field.choices)
    statuses = dict(MeasureStatus.choices)
    topics = dict(Topic.choices)
    return {
        **content,
        "fields": [
            {
                **group,
                "label": str(labels.get(group["key"], group["key"])),
                "measures": [
                    {
                        **m,
                        "starts_on_date": iso_date(m["starts_on"]),
                        "ends_on_date": iso_date(m["ends_on"]),
                        "status_label": str(statuses.get(m["status"], m["status"])),
                        "topic_label": str(topics.get(m["topic"], "")) if m["topic"] else "",
                    }
                    for m in group["measures"]
                ],
            }
            for group in content["fields"]
        ],
    }


def iso_date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def review_figures(plan: ActionPlan) -> list[dict]:
    """Indicators against targets and progress per measure, kept with a review."""
    rows = []
    for group in fields_of(plan):
        for view in group.measures:
            value = view.reading.value
            rows.append(
                {
                    "field": group.key,
                    "title": view.measure.title,
                    "status": view.measure.status,
                    "indicator": view.indicator_label,
                    "value": None if value is None else str(value),
                    "measured_on": view.reading.measured_on.isoformat()
                    if view.reading.measured_on
                    else "",
                    "target": str(view.measure.target),
                    "reached": view.target_reached,
                    "progress": view.progress,
                    "tasks_total": view.tasks_total,
                    "tasks_done": view.tasks_done,
                }
            )
    return rows


def state_rows(state) -> list[dict]:
    """Plans of the municipalities of a state side by side: measures per field and progress.
    Only titles, statuses and progress: no internal notes."""
    rows = []
    plans = (
        ActionPlan.objects.filter(network__municipality__state=state)
        .select_related("network__municipality")
        .order_by("network__municipality__name")
    )
    for plan in plans:
        groups = fields_of(plan)
        version = latest_version(plan)
        rows.append(
            {
                "municipality": plan.network.municipality,
                "plan": plan,
                "version": version,
                "per_field": [len(group.measures) for group in groups],
                "progress": overall_progress(groups),
            }
        )
    return rows


def changed_since(plan: ActionPlan, version: PlanVersion | None) -> bool:
    """Whether the working draft was edited after the version was adopted (plan or measures)."""
    if version is None:
        return False
    after = {"history_date__gt": version.created_at}
    return (
        ActionPlan.history.filter(id=plan.id, **after).exists()
        or Measure.history.filter(plan_id=plan.id, proposed=False, **after).exists()
    )
