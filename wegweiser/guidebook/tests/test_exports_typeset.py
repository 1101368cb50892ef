"""Typst typesetting: user text prints literally and can never run Typst code (issue 16)."""

from __future__ import annotations

import json

import pytest
import typst

from wegweiser.core.typeset import escape_markup
from wegweiser.guidebook.exports import pdf
from wegweiser.guidebook.models import MandateItem

from .test_exports_helpers import flat, pdf_text

HOSTILE = [
    "= Not a heading",
    "== Nor this",
    "- not a list",
    "+ not an enumeration",
    "1. not numbered",
    "/ Term: not a term list",
    '#panic("injected")',
    '#read("/etc/passwd")',
    '#import "@preview/cetz:0.3.0": *',
    "#let x = 1",
    "*not bold* _not emphasised_ `not raw`",
    "$x^2$ and @not-a-reference and <not-a-label>",
    "[brackets] close ] and open [",
    "back\\slash \\u{1F600} \\#",
    "// not a comment",
    "/* not a comment */",
    "a ~ tilde -- dashes --- ... 'quotes' \"quotes\"",
    "Lohn < 12,82 € > nichts & 100 % {braces} | pipe ^ caret",
]


def _typeset_markup(markup: str) -> bytes:
    source = "#set page(width: 180mm, height: auto, margin: 5mm)\n" + markup
    return typst.compile(source.encode(), format="pdf")


def test_escaped_text_prints_literally():
    for text in HOSTILE:
        rendered = pdf_text(_typeset_markup(escape_markup(text)))
        assert flat(rendered) == flat(text), text


def test_escaped_text_at_line_starts_makes_no_structure_and_runs_no_code():
    markup = escape_markup("\n".join(HOSTILE))
    source = b"#set page(width: 180mm, height: auto)\n" + markup.encode()
    assert json.loads(typst.query(source, "heading", format="json")) == []
    rendered = pdf_text(_typeset_markup(markup))
    assert flat(rendered) == flat(" ".join(HOSTILE))  # no bullets, numbers or terms either
    assert "root:" not in rendered


def test_unescaped_markup_would_be_code():
    """The check above is meaningful: the same text unescaped does run as Typst code."""
    with pytest.raises(typst.TypstError, match="injected"):
        _typeset_markup('#panic("injected")')


def test_editor_text_in_the_guidebook_pdf_prints_literally(world):
    """Names, descriptions and mandate texts reach Typst as data, never as markup."""
    name = 'Jobcenter #panic("boom") *fett* [x] $y$ @z <w>'
    description = '= Keine Überschrift #read("/etc/passwd") \\ `raw` _k_'
    world.counselling.name = name
    world.counselling.description = description
    world.counselling.save()
    item = MandateItem.objects.filter(organization=world.counselling).first()
    assert item is not None
    item.text = '- keine Liste ] #eval("1+1") // kein Kommentar'
    item.save()
    text = flat(pdf_text(pdf.formal_pdf(world.musterstadt)))
    assert name in text
    assert flat(description) in text
    assert '- keine Liste ] #eval("1+1") // kein Kommentar' in text
    assert "root:" not in text
