"""Template helpers of the guidebook."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def state_wide_badge(organization) -> str:
    """Marks a state-wide actor (Organization.state): one record of the state guidebook, shown
    in every municipal guidebook of the state. A tag, not an included template: lists of a
    hundred or more entries (the guidebook's overview, a navigator result at state scale) paid
    an include per entry (issue 16)."""
    if not organization.state_id:
        return ""
    return format_html(
        ' <span class="kern-badge kern-badge--info gb-state-wide">'
        '<span class="kern-label">{}</span></span>',
        _("state-wide"),
    )
