"""CSV cells that are safe to open in a spreadsheet."""

from __future__ import annotations


def neutralise(value: object) -> str:
    """A CSV cell that no spreadsheet will run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + text
    return text
