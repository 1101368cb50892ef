from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegweiser.core.forms import date_input
from wegweiser.guidebook.models import ActorType, Organization

from . import indicators
from .models import ActionPlan, Field, Measure, NationalReference, PlanVersion, Review

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

CHECKBOX = "kern-form-check__checkbox"
DATE = date_input()


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "starts_year", "ends_year", "public_summary", "internal_notes"]
        widgets = {
            "public_summary": forms.Textarea(attrs={"rows": 4}),
            "internal_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("starts_year"), data.get("ends_year")
        if start and end and end < start:
            self.add_error("ends_year", _("The last year cannot be before the first year."))
        for name in ("starts_year", "ends_year"):
            year = data.get(name)
            if year and not 2000 <= year <= 2100:
                self.add_error(name, _("Enter a year between 2000 and 2100."))
        return data


class MeasureForm(forms.ModelForm):
    indicator = forms.ChoiceField(label=_("Indicator"), choices=())
    indicator_param = forms.ModelChoiceField(
        label=_("Actor type (for “network members of a target-group actor type”)"),
        queryset=ActorType.objects.filter(target_group=True),
        to_field_name="key",
        required=False,
    )

    class Meta:
        model = Measure
        fields = [
            "field",
            "topic",
            "title",
            "goal",
            "responsible",
            "starts_on",
            "ends_on",
            "status",
            "indicator",
            "indicator_param",
            "indicator_label",
            "target",
            "references",
            "is_public",
            "internal_note",
        ]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE,
            "ends_on": DATE,
            # The shared "choices" component renders each option's own tag: give it KERN's class.
            "responsible": forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX}),
            "references": forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX}),
            "field": forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
        }

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["indicator"]).choices = indicators.choices()
        cast(forms.ModelMultipleChoiceField, self.fields["responsible"]).queryset = (
            Organization.objects.current().serving(municipality).order_by("name")
            if municipality
            else Organization.objects.none()
        )
        cast(
            forms.ModelMultipleChoiceField, self.fields["references"]
        ).queryset = NationalReference.objects.all()
        self.fields["topic"].required = False
        # A radio list without an empty choice.
        cast(forms.ChoiceField, self.fields["field"]).choices = Field.choices
        # The shared checkbox component has no room for a hint; the label says it all.
        self.fields["is_public"].help_text = ""
        self.fields["is_public"].label = _("Public: shown in the public part of the adopted plan")

    def clean_indicator_param(self):
        value = self.cleaned_data.get("indicator_param")
        return value.key if value else ""

    def clean(self):
        data = super().clean() or {}
        indicator = data.get("indicator")
        definition = indicators.get(indicator) if indicator else None
        if indicator == indicators.MANUAL and not data.get("indicator_label"):
            self.add_error("indicator_label", _("Say what is counted."))
        if definition and definition.param == "actor_type" and not data.get("indicator_param"):
            self.add_error("indicator_param", _("Choose the actor type to count."))
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end cannot be before the start."))
        target = data.get("target")
        if target is not None and target < 0:
            self.add_error("target", _("The target cannot be negative."))
        return data


class LinkForm(forms.Form):
    item = forms.ChoiceField(label=_("Task or decision"))

    def __init__(self, *args, tasks=(), decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = {str(task.pk): task for task in tasks}
        self.decisions = {str(decision.pk): decision for decision in decisions}
        cast(forms.ChoiceField, self.fields["item"]).choices = [
            (_("Tasks"), [(f"task:{pk}", str(task)) for pk, task in self.tasks.items()]),
            (
                _("Decisions"),
                [(f"decision:{pk}", str(decision)) for pk, decision in self.decisions.items()],
            ),
        ]

    def target(self) -> dict:
        kind, _sep, pk = self.cleaned_data["item"].partition(":")
        if kind == "task":
            return {"action_item": self.tasks[pk]}
        return {"decision": self.decisions[pk]}


def not_in_future(day: datetime.date, message: str | _StrPromise) -> datetime.date:
    """The day, unless it lies after today (then `message` as the field's error)."""
    if day > timezone.localdate():
        raise forms.ValidationError(message)
    return day


class ValueForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), max_digits=10, decimal_places=1, min_value=0)
    measured_on = forms.DateField(label=_("As of"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_measured_on(self):
        return not_in_future(
            self.cleaned_data["measured_on"], _("A value cannot be dated in the future.")
        )


class AdoptForm(forms.ModelForm):
    class Meta:
        model = PlanVersion
        fields = ["adopted_on", "adopted_by", "decision_reference"]
        widgets = {"adopted_on": DATE}

    def clean_adopted_on(self):
        return not_in_future(
            self.cleaned_data["adopted_on"], _("Record the adoption once the council has decided.")
        )


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["year", "summary", "changes"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "changes": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = datetime.date.today().year

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Enter a year between 2000 and 2100."))
        return year
