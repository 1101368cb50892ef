"""Bar charts as inline SVG, drawn on the server (no JavaScript, no external library).

Each chart has role="img" and an aria-label; the page shows the same figures as a table next to it.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_HEIGHT = 26
GAP = 10
LABEL_WIDTH = 250
BAR_AREA = 300
WIDTH = LABEL_WIDTH + BAR_AREA + 50


def bar_chart(rows: list[tuple[str, int]], title: str) -> SafeString:
    """Horizontal bars, one per (label, value)."""
    rows = [(str(label), int(value)) for label, value in rows]
    top = max((value for _label, value in rows), default=0) or 1
    height = max(len(rows), 1) * (BAR_HEIGHT + GAP) + GAP
    summary = "; ".join(f"{label}: {value}" for label, value in rows) or "–"
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}: {escape(summary)}">'
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = round(BAR_AREA * value / top) if value else 0
        text_y = y + BAR_HEIGHT * 0.7
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y:.1f}" text-anchor="end" '
            f'class="chart__label">{escape(shown)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
            f'class="chart__bar"></rect>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{text_y:.1f}" class="chart__value">{value}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every dynamic part is escaped above
