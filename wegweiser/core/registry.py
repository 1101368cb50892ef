"""Extension points through which higher apps contribute to core pages.

Core must not import the apps above it (DESIGN §3). Instead, an app registers callables here in its
AppConfig.ready(); core pages call them. Each callable receives the request and the object of the
page and returns a dict for a template include, or None to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    provider: Callable[..., dict[str, Any] | None]
    order: int = 100


municipality_sections: list[Section] = []
dashboard_sections: list[Section] = []


def register_municipality_section(section: Section) -> None:
    _register(municipality_sections, section)


def register_dashboard_section(section: Section) -> None:
    _register(dashboard_sections, section)


def _register(target: list[Section], section: Section) -> None:
    if any(existing.key == section.key for existing in target):
        return
    target.append(section)
    target.sort(key=lambda s: s.order)


def render_sections(
    sections: list[Section], request: HttpRequest, obj: Any
) -> list[dict[str, Any]]:
    rendered = []
    for section in sections:
        context = section.provider(request, obj)
        if context is not None:
            rendered.append({"template": section.template, "context": context, "key": section.key})
    return rendered
