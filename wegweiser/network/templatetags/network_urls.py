"""`{% site_url %}`: reverse a personal, scope-free network page (the calendar feed) from pages of
either scope. `{% url 'network:…' %}` follows the page's instance namespace (a state round table
page reverses into "roundtable:"), which has no such page."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def site_url(name: str) -> str:
    return reverse(name)
