"""Template helpers shared by all apps."""

from __future__ import annotations

from django import forms, template
from django.utils.safestring import SafeString

from wegweiser.core.i18n import current_language
from wegweiser.core.links import http_url

register = template.Library()


@register.filter(name="http_url")
def http_url_filter(value: str) -> str:
    """Only an http(s) address, else "" — for every href built from stored data."""
    return http_url(value)


def _widget_class(widget: forms.Widget, has_error: bool) -> str:
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
        base = "kern-form-check__checkbox"
    elif isinstance(widget, forms.RadioSelect):
        base = "kern-form-check__radio"
    elif isinstance(widget, forms.Select | forms.SelectMultiple):
        base = "kern-form-input__select"
    else:
        base = "kern-form-input__input"
    return f"{base} {base}--error" if has_error else base


@register.filter
def kern_widget(bound_field: forms.BoundField) -> SafeString:
    """Render a field's widget with KERN classes and the ARIA links to its hint and error."""
    widget = bound_field.field.widget
    attrs: dict[str, str | bool] = {"class": _widget_class(widget, bool(bound_field.errors))}
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def widget_kind(bound_field: forms.BoundField) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "choices"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "select"
    return "input"


@register.simple_tag
def translated(values: dict[str, str] | None, language: str | None = None) -> str:
    """Text for the active language from a {language: text} dict, falling back to de and en."""
    if not values:
        return ""
    code = current_language(language)
    for candidate in (code, "de", "en"):
        if values.get(candidate):
            return values[candidate]
    return ""
