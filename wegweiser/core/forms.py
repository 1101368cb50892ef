from django import forms
from django.forms.renderers import TemplatesSetting


class KernFormRenderer(TemplatesSetting):
    """Renders every form with the KERN UX markup of our shared components."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


def date_input() -> forms.DateInput:
    """The browser's date picker; its value is always ISO (YYYY-MM-DD), whatever the language."""
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
