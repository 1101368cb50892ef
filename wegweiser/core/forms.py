from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .models import Municipality, State


class KernFormRenderer(TemplatesSetting):
    """Renders every form with the KERN UX markup of our shared components."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


def date_input() -> forms.DateInput:
    """The browser's date picker; its value is always ISO (YYYY-MM-DD), whatever the language."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MunicipalityForm(forms.ModelForm):
    """A state coordinator starts a municipality of her state (validation only; the write is
    `services.start_municipality`)."""

    class Meta:
        model = Municipality
        fields = ["name", "ags"]
        help_texts = {"ags": _("Eight digits; the first two are the code of your federal state.")}

    def __init__(self, *args: Any, state: State, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state = state

    def clean_ags(self) -> str:
        ags = self.cleaned_data["ags"]
        if not ags.startswith(self.state.code):
            raise forms.ValidationError(
                _("This key does not belong to %(state)s (it must start with %(code)s)."),
                params={"state": self.state.name, "code": self.state.code},
            )
        return ags
