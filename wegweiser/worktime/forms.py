from __future__ import annotations

import datetime as dt
from typing import cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wegweiser.core.models import Municipality, State

from .services import PAPER_SIZES


class ReviewForm(forms.Form):
    file = forms.FileField(
        label=_("Exported file of the worker (.json)"),
        help_text=_("The file is read for this report only and not stored."),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return cleaned


class PaperForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    state = forms.ChoiceField(label=_("Federal state"))
    municipality = forms.ChoiceField(
        label=_("Municipality (for the counselling contact)"), required=False
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    size = forms.ChoiceField(label=_("Paper size"), choices=[(size, size) for size in PAPER_SIZES])

    def __init__(self, *args, language: str = "de", **kwargs):
        super().__init__(*args, **kwargs)
        states = list(State.objects.filter(municipalities__isnull=False).distinct())
        cast(forms.ChoiceField, self.fields["state"]).choices = [
            (state.subdivision, state.name) for state in states
        ]
        cast(forms.ChoiceField, self.fields["municipality"]).choices = [
            ("", _("— none, the whole state —"))
        ] + [
            (place.slug, f"{place.name} ({place.state.name})")
            for place in Municipality.objects.select_related("state").order_by("name")
        ]
        self.fields["year"].initial = dt.date.today().year
        self.fields["language"].initial = language
        self.fields["size"].initial = "A4"
        if states:
            self.fields["state"].initial = states[0].subdivision

    def clean(self):
        cleaned = super().clean() or {}
        subdivision = cleaned.get("state")
        if subdivision:
            cleaned["state_obj"] = State.objects.get(subdivision=subdivision)
        slug = cleaned.get("municipality")
        cleaned["municipality_obj"] = None
        if slug and subdivision:
            place = Municipality.objects.filter(slug=slug).select_related("state").first()
            if place is None or place.state.subdivision != subdivision:
                raise forms.ValidationError(_("This municipality is not in the chosen state."))
            cleaned["municipality_obj"] = place
        return cleaned
