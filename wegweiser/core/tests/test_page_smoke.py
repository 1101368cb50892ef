"""The page-shape checker finds each problem it is meant to find (the pages themselves are checked
by the route test, see page_shape.py)."""

from __future__ import annotations

from .page_shape import PageShape


def test_the_checker_finds_each_problem():
    shape = PageShape()
    shape.feed(
        "<html><body><h1>A</h1><h3>skipped</h3><h1>again</h1>"
        '<form><input name="q"><label for="x">X</label><input id="x" name="x">'
        '<label>Y <select name="y"></select></label><input type="hidden" name="h"></form></body></html>'
    )
    assert shape.problems() == [
        "<html> without lang",
        "<html> without dir",
        "2 h1 elements",
        "heading level skipped: h1 → h3",
        "unlabelled field q",
    ]
