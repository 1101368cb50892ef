"""The yearly review as an OpenDocument text for council papers (same content as page and PDF)."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .odt import Document


def _number(value) -> str:
    if value in (None, ""):
        return "–"
    return formats.number_format(float(value), decimal_pos=None if float(value) % 1 else 0)


def review_odt(plan, context: dict) -> bytes:
    review = context["review"]
    document = Document()
    document.heading(_("Yearly review %(year)s") % {"year": review.year}, 1)
    document.paragraph(
        f"{plan.title} · "
        + _("Figures as of %(date)s.") % {"date": formats.date_format(review.created_at)}
    )
    document.heading(_("What was done"), 2)
    document.paragraph(review.summary)
    if context["done"]:
        document.heading(_("Measures completed"), 3)
        for row in context["done"]:
            document.paragraph(f"– {row['title']}")
    document.heading(_("Indicators against targets"), 2)
    document.table(
        [
            _("Measure"),
            pgettext("action plan", "Field"),
            _("Status"),
            _("Indicator"),
            _("Value"),
            _("Target"),
            _("Progress"),
        ],
        [
            [
                row["title"],
                str(row["field_label"]),
                str(row["status_label"]),
                row["indicator"],
                _number(row["value"])
                + (
                    f" ({formats.date_format(row['measured_on_date'], 'SHORT_DATE_FORMAT')})"
                    if row["measured_on_date"]
                    else ""
                ),
                _number(row["target"]) + (" ✓" if row["reached"] else ""),
                "–" if row["progress"] is None else f"{row['progress']} %",
            ]
            for row in context["rows"]
        ],
    )
    document.heading(_("What changes"), 2)
    document.paragraph(review.changes)
    return document.render()
