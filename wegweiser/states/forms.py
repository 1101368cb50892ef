from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wegweiser.core.models import Municipality, State, ags_validator

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
