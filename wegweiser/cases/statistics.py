"""Anonymised statistics per organisation (or state) and year, with small cells suppressed.

Categories as the specialised counselling centres report them nationally. Every count from 1 to 4
is shown as "< 5"; when a category would show only one suppressed cell next to its total, the next
smallest cell is suppressed too, so no suppressed value can be computed back. Purged cases keep
their categories and are counted.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wegweiser.core.csv import neutralise

from .choices import (
    AgeGroup,
    CameVia,
    ExploitationForm,
    Gender,
    NationalityGroup,
    Outcome,
    Sector,
    Service,
)
from .models import Case

THRESHOLD = 5
SUPPRESSED = "< 5"

# (key, choices, multi-valued)
CATEGORIES = [
    ("gender", Gender, False),
    ("age_group", AgeGroup, False),
    ("nationality_group", NationalityGroup, False),
    ("exploitation_form", ExploitationForm, False),
    ("sector", Sector, False),
    ("came_via", CameVia, False),
    ("services_given", Service, True),
    ("outcomes", Outcome, True),
]


def headings() -> dict[str, str]:
    return {
        "gender": _("Persons by gender"),
        "age_group": _("Persons by age group"),
        "nationality_group": _("Persons by nationality group"),
        "exploitation_form": _("Form of exploitation"),
        "sector": _("Sector"),
        "came_via": _("How the persons came"),
        "services_given": _("Services given"),
        "outcomes": _("Rights realised and outcomes"),
    }


@dataclass
class Cell:
    label: str
    count: int
    suppressed: bool = False
    bar: int = 0  # bar length 0–100 for the chart; 0 for suppressed cells

    @property
    def shown(self) -> str:
        return SUPPRESSED if self.suppressed else str(self.count)


@dataclass
class Table:
    key: str
    heading: str
    cells: list[Cell]


def suppress(cells: list[Cell]) -> list[Cell]:
    for cell in cells:
        cell.suppressed = 0 < cell.count < THRESHOLD
    hidden = [cell for cell in cells if cell.suppressed]
    if len(hidden) == 1:
        others = sorted(
            (c for c in cells if not c.suppressed and c.count > 0), key=lambda c: c.count
        )
        if others:
            others[0].suppressed = True
    return cells


def compute(cases: QuerySet[Case], year: int) -> dict:
    rows: list[Any] = list(
        cases.filter(opened_on__year=year).values(
            "gender",
            "age_group",
            "nationality_group",
            "exploitation_form",
            "sector",
            "came_via",
            "services_given",
            "outcomes",
        )
    )
    titles = headings()
    tables = []
    for key, choices, multi in CATEGORIES:
        counts: Counter = Counter()
        for row in rows:
            values = (row[key] or []) if multi else [row[key]]
            counts.update(set(values))
        cells = [Cell(str(label), counts.get(value, 0)) for value, label in choices.choices]
        suppress(cells)
        largest = max((c.count for c in cells if not c.suppressed), default=0)
        for cell in cells:
            if not cell.suppressed and largest:
                cell.bar = round(cell.count * 100 / largest)
        tables.append(Table(key, titles[key], cells))
    total = len(rows)
    return {
        "year": year,
        "total": total,
        "total_shown": SUPPRESSED if 0 < total < THRESHOLD else str(total),
        "tables": tables,
    }


def to_csv(stats: dict, scope_name: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            neutralise(cell)
            for cell in [_("Scope"), _("Year"), _("Category"), _("Value"), _("Persons")]
        ]
    )
    writer.writerow(
        [neutralise(scope_name), stats["year"], _("all cases"), "", stats["total_shown"]]
    )
    for table in stats["tables"]:
        for cell in table.cells:
            row = [scope_name, stats["year"], table.heading, cell.label, cell.shown]
            writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue()
