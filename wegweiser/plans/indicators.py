"""Indicators of measures: a registry of values computed from the data, and values entered by hand.

Other apps add computed indicators from their AppConfig.ready() (cases: anonymised, suppressed case
figures; learning: course completions; navigator: referral sheets):

    from wegweiser.plans.indicators import Indicator, register
    register(Indicator("cases_opened", _("cases opened"), compute=my_function))

`compute(network, measure, period)` returns a number or None (not available); it must only read
aggregates, never anything that identifies a person.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MANUAL = "manual"


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date


@dataclass(frozen=True)
class Indicator:
    key: str
    label: Promise | str
    compute: Callable[..., float | int | None]
    unit: Promise | str = ""
    # Which parameter the indicator takes (e.g. an actor type); None for no parameter.
    param: str | None = None
    # False when the value depends on the measure itself, not only on the plan and parameter.
    shareable: bool = True


_registry: dict[str, Indicator] = {}


def register(indicator: Indicator) -> None:
    _registry[indicator.key] = indicator


def get(key: str) -> Indicator | None:
    return _registry.get(key)


def choices() -> list[tuple[str, str]]:
    return [(MANUAL, str(_("entered by hand")))] + [
        (key, str(indicator.label)) for key, indicator in _registry.items()
    ]


@dataclass(frozen=True)
class Reading:
    value: Decimal | None
    measured_on: datetime.date | None
    computed: bool

    def reached(self, target: Decimal) -> bool:
        return self.value is not None and self.value >= target


def plan_period(measure) -> Period:
    plan = measure.plan
    return Period(datetime.date(plan.starts_year, 1, 1), datetime.date(plan.ends_year, 12, 31))


def read(measure, memo: dict | None = None) -> Reading:
    """The current value of a measure's indicator: computed today, or the latest hand entry.

    `memo` shares computed values between measures of one plan with the same indicator (a page
    then costs one query per indicator, not per measure). Indicators that depend on the measure
    itself (its tasks) are never shared."""
    if measure.indicator != MANUAL:
        indicator = get(measure.indicator)
        if indicator is None:
            return Reading(None, None, True)
        key = (measure.plan_id, measure.indicator, measure.indicator_param)
        if memo is not None and indicator.shareable and key in memo:
            value = memo[key]
        else:
            value = indicator.compute(measure.plan.network, measure, plan_period(measure))
            if memo is not None and indicator.shareable:
                memo[key] = value
        return Reading(
            None if value is None else Decimal(str(value)).quantize(Decimal("0.1")),
            timezone.localdate(),
            True,
        )
    # Uses prefetched values when the caller prefetched them (Meta ordering: latest first).
    latest = next(iter(measure.values.all()), None)
    if latest is None:
        return Reading(None, None, False)
    return Reading(latest.value, latest.measured_on, False)


def label(measure, memo: dict | None = None) -> str:
    if measure.indicator == MANUAL:
        return measure.indicator_label
    indicator = get(measure.indicator)
    if indicator is None:
        return str(_("indicator no longer available"))
    text = str(indicator.label)
    if indicator.param == "actor_type" and measure.indicator_param:
        from wegweiser.guidebook.models import ActorType

        memo = {} if memo is None else memo
        if "actor_types" not in memo:
            memo["actor_types"] = {a.key: a for a in ActorType.objects.filter(target_group=True)}
        actor_type = memo["actor_types"].get(measure.indicator_param)
        if actor_type is not None:
            text = f"{text}: {actor_type}"
    return text


def register_builtin() -> None:
    from . import computed

    register(
        Indicator(
            "members_of_type",
            _("network members of a target-group actor type"),
            computed.members_of_type,
            param="actor_type",
        )
    )
    register(
        Indicator(
            "target_types_covered",
            _("target-group actor types with a member in the network"),
            computed.target_types_covered,
        )
    )
    register(
        Indicator(
            "guidebook_complete",
            _("target-group actor types with a published guidebook entry (%)"),
            computed.guidebook_complete,
            unit="%",
        )
    )
    register(
        Indicator(
            "guidebook_fresh",
            _("guidebook entries confirmed within the freshness limit (%)"),
            computed.guidebook_fresh,
            unit="%",
        )
    )
    register(
        Indicator(
            "meetings_held",
            _("meetings held in the plan period"),
            computed.meetings_held,
        )
    )
    register(
        Indicator(
            "tasks_done",
            _("tasks of this measure done"),
            computed.tasks_done,
            shareable=False,
        )
    )
