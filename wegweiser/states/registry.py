"""Extension point of the coverage dashboard: apps above or beside `states` add figure columns.

The learning app (course completion) registers a `CoverageColumn` here from its AppConfig.ready();
states never imports it. A provider receives the primary keys of all municipalities of the state
and answers {municipality id: figure} in a constant number of queries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class CoverageColumn:
    key: str
    label: str | Promise
    provider: Callable[[Iterable[int]], dict[int, object]]


coverage_columns: list[CoverageColumn] = []


def register_coverage_column(column: CoverageColumn) -> None:
    if not any(existing.key == column.key for existing in coverage_columns):
        coverage_columns.append(column)
