"""The Workshop I kit, generated in the municipality's name: trainer's guide, slides (16:9 PDF),
case vignettes, handout and feedback form.

Workshop I creates awareness of labour exploitation and starts the network (the concept's first
step; Workshop II then builds the guidebook). The vignettes are the case units of the authored
courses, so the kit and the courses tell the same cases; the list of actors in the room comes from
the municipality's published guidebook.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wegweiser.core.links import absolute_reverse
from wegweiser.core.qr import qr_svg
from wegweiser.guidebook.selectors import published_organizations

from . import selectors

PARTS = {
    "guide": _("Trainer's guide"),
    "slides": _("Slides (16:9)"),
    "vignettes": _("Case vignettes"),
    "handout": _("Handout for participants"),
    "feedback": _("Feedback form"),
}
VIGNETTE_UNITS = [
    ("recognising-exploitation", "sector-cases"),
    ("referring-safely", "navigator-case"),
]
ILO_INDICATORS = [
    _("abuse of vulnerability"),
    _("deception"),
    _("restriction of movement"),
    _("isolation"),
    _("physical and sexual violence"),
    _("intimidation and threats"),
    _("retention of identity documents"),
    _("withholding of wages"),
    _("debt bondage"),
    _("abusive working and living conditions"),
    _("excessive overtime"),
]


def parts() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, label in PARTS.items()]


def _vignettes(municipality) -> list:
    units = []
    for course_slug, unit_key in VIGNETTE_UNITS:
        course = selectors.get_course(municipality, course_slug)
        unit = course.unit(unit_key) if course else None
        if unit is not None:
            units.append(unit)
    return units


def render_part(part: str, municipality, request=None) -> bytes:
    from wegweiser.core.pdf import render_pdf

    courses_url = absolute_reverse("learning:courses", slug=municipality.slug)
    rights_url = absolute_reverse("learning:rights", slug=municipality.slug)
    context = {
        "municipality": municipality,
        "title": PARTS[part],
        "actors": list(published_organizations(municipality)),
        "indicators": ILO_INDICATORS,
        "vignettes": _vignettes(municipality),
        "courses_url": courses_url,
        "rights_url": rights_url,
        "rights_qr": qr_svg(rights_url, scale=2),
        "courses_qr": qr_svg(courses_url, scale=2),
    }
    return render_pdf(f"learning/workshop/{part}.html", context, request)
