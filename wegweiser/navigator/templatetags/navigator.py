"""Template helpers of the navigator."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wegweiser.guidebook.templatetags.guidebook import state_wide_badge

register = template.Library()

_BADGE = ' <span class="kern-badge kern-badge--small kern-badge--{}"><span class="kern-label">{}</span></span>'


@register.simple_tag
def short_list_entries(recommendations, shown: int, query: str) -> SafeString:
    """The entries (<li>) of a result's short list: position, name (a link to its card, in this
    page for the first `shown` places, else on the page with every card), the state-wide mark,
    kind of actor, phone and the consent, § 87 and caution badges.

    Built here rather than in a template loop: at state scale a result lists about a hundred
    places, and the template spent ~70 µs per entry resolving its variables (issue 16); Django's
    admin builds its result rows the same way.
    """
    badges = [
        ("consent_required", "warning", _("only with the person's consent")),
        ("card_warnings", "warning", _("§ 87 duty to inform")),
        ("warnings", "info", _("see caution")),
    ]
    elsewhere = f"?{query}&details=all"

    def entry(recommendation):
        organization = recommendation.organization
        phone = organization.phone
        return (
            recommendation.position,
            elsewhere if recommendation.position > shown else "",
            organization.pk,
            organization.name,
            state_wide_badge(organization),
            recommendation.actor_type.label,
            format_html(' – <span dir="ltr">{}</span>', phone) if phone else "",
            format_html_join(
                "",
                _BADGE,
                (
                    (level, label)
                    for attribute, level, label in badges
                    if getattr(recommendation, attribute)
                ),
            ),
        )

    return format_html_join(
        "",
        '<li class="kern-body"><span class="overview__position">{}.</span> '
        '<a class="kern-link" href="{}#org-{}">{}</a>{} <span class="meta">– {}{}</span>{}</li>',
        (entry(recommendation) for recommendation in recommendations),
    )
