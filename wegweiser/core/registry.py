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


@dataclass(frozen=True)
class ReportScope:
    """The object of a network's annual report section: whose report, which calendar year."""

    municipality: Any
    year: int


@dataclass(frozen=True)
class StepScope:
    """The object of a roadmap step section: the network's municipality and the step's key."""

    municipality: Any
    step: str


municipality_sections: list[Section] = []
dashboard_sections: list[Section] = []
# The public page of one guidebook entry (an Organization): e.g. network's cooperation agreements
# in force that bind the actor. Public fields only: the page is the same for everyone.
organization_sections: list[Section] = []
# Slots on the network's pages, filled by the programmes above it (network imports none of them):
# "task" gets an action item (plans: the measure a task belongs to), "report" a ReportScope
# (learning: course completions of the year), "roadmap_step" a StepScope (learning: the Workshop I
# kit), "meeting" a meeting (cases: the anonymised briefs of a case conference for its participants).
# Providers answer None to show nothing, e.g. to a user who may not see their part.
network_sections: dict[str, list[Section]] = {
    "task": [],
    "report": [],
    "roadmap_step": [],
    "meeting": [],
}


def register_municipality_section(section: Section) -> None:
    _register(municipality_sections, section)


def register_dashboard_section(section: Section) -> None:
    _register(dashboard_sections, section)


def register_organization_section(section: Section) -> None:
    _register(organization_sections, section)


def register_network_section(slot: str, section: Section) -> None:
    _register(network_sections[slot], section)


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
