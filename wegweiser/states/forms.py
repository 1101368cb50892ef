from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from wegweiser.core.models import Municipality, State, ags_validator
from wegweiser.guidebook.forms import OrganizationForm as GuidebookEntryForm

from . import reference


class InviteCoordinatorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the coordinator"))
    name = forms.CharField(
        label=_("Name of the coordinator (optional)"), max_length=150, required=False
    )


class RollOutForm(forms.Form):
    ags = forms.CharField(
        label=_("Official municipality key (AGS)"),
        max_length=8,
        validators=[ags_validator],
        help_text=_("Eight digits, e.g. 07315000 for Mainz. Name and district are filled in."),
    )
    coordinator_email = forms.EmailField(
        label=_("E-mail address of the coordinator (optional)"),
        required=False,
        help_text=_("She receives an invitation to coordinate the new network."),
    )
    coordinator_name = forms.CharField(
        label=_("Name of the coordinator (optional)"), max_length=150, required=False
    )

    def __init__(self, *args, state: State, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.state = state
        self.place: reference.ReferenceMunicipality | None = None

    def clean_ags(self) -> str:
        ags = self.cleaned_data["ags"].strip()
        if not ags.startswith(self.state.code):
            raise forms.ValidationError(
                _(
                    "This key belongs to another federal state; keys of %(state)s begin with %(code)s."
                )
                % {"state": self.state.name, "code": self.state.code}
            )
        self.place = reference.lookup(ags)
        if self.place is None:
            raise forms.ValidationError(
                _("This key is not in the reference list of municipalities.")
            )
        if Municipality.objects.filter(ags=ags).exists():
            raise forms.ValidationError(_("This municipality is already on Wegweiser."))
        return ags


class MemberSearchForm(forms.Form):
    """Who in our state speaks Bulgarian and advises on unpaid wages? All fields optional (AND)."""

    q = forms.CharField(label=_("Search words"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    need = forms.ChoiceField(label=_("Situation"), required=False)
    actor_type = forms.ChoiceField(label=_("Actor type"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from django.conf import settings

        from wegweiser.guidebook.models import ActorType, Need, localized
        from wegweiser.guidebook.search import language_label

        codes = sorted(
            {code for code, _name in settings.LANGUAGES} | {"fr", "es", "it", "sq", "sr"}
        )
        cast(forms.ChoiceField, self.fields["language"]).choices = [("", _("any"))] + sorted(
            ((code, language_label(code)) for code in codes), key=lambda c: str(c[1])
        )
        cast(forms.ChoiceField, self.fields["need"]).choices = [("", _("any"))] + [
            (need.key, localized(need.label) or need.key) for need in Need.objects.all()
        ]
        cast(forms.ChoiceField, self.fields["actor_type"]).choices = [("", _("any"))] + [
            (t.key, t.label) for t in ActorType.objects.all()
        ]

    def clean_q(self) -> list[str]:
        from wegweiser.guidebook.search import QueryError, query_terms

        try:
            return query_terms(self.cleaned_data["q"])
        except QueryError:
            raise forms.ValidationError(_("Please shorten the search words.")) from None


class StateActorForm(forms.ModelForm):
    """A state-wide actor: one record shown in every municipal guidebook of the state."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        from wegweiser.guidebook.models import Organization

        model = Organization
        fields = ["name", "actor_type", "description", "website", "email", "phone"]


class StateActorEditForm(GuidebookEntryForm):
    """A state-wide actor's public fields; it has no municipality, so no internal note."""

    internal_notes = None  # type: ignore[assignment]

    class Meta(GuidebookEntryForm.Meta):
        fields = ["name", "actor_type", *GuidebookEntryForm.Meta.fields[1:]]


class TemplateEntryForm(forms.ModelForm):
    """What every new municipality's draft of this actor type starts with besides the mandate."""

    class Meta:
        from wegweiser.guidebook.models import Organization

        model = Organization
        fields = ["description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"description": _("Description of the new entries (German, optional)")}
