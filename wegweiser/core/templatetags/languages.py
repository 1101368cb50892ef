"""Links to the current page in every language (the language is the first part of the path)."""

from django import template
from django.conf import settings
from django.template import Context

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context: Context) -> list[dict[str, str]]:
    request = context["request"]
    codes = dict(settings.LANGUAGES)
    parts = request.path.split("/", 2)
    rest = parts[2] if len(parts) > 2 and parts[1] in codes else ""
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    return [
        {"code": code, "name": name, "url": f"/{code}/{rest}{suffix}"}
        for code, name in settings.LANGUAGES
    ]
