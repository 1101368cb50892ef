"""PDF typesetting with Typst (the `typst` wheel ships the compiler) for large documents.

The guidebook PDF (150 actors, 200+ pages) takes seconds with Typst where WeasyPrint took minutes
(README, Performance). Small documents stay with WeasyPrint (core/pdf.py).

Safety: the data of a document goes in as one JSON string through `sys.inputs`, and the template
reads it with `json(...)`. Every text that a person typed is therefore a string *value* in Typst,
placed as text — it is never parsed as Typst markup or code: `#`, `*`, `_`, `=`, `$`, `@`, `[`, `]`
print as they are, and no input can call a Typst function, read a file or import a package
(`escape_markup` is only for the rare text that has to be written into markup itself). The
compiler sees only the template's folder (its root) and the fonts given here.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import string
from pathlib import Path
from typing import Any, Final

# Fonts: DejaVu Sans covers Latin, Cyrillic, Vietnamese and Arabic (Book and Bold). CI installs
# Debian's fonts-dejavu-core, which puts it here; system fonts are the fallback elsewhere.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
# Tagged PDF that claims PDF/UA-1 (accessible: structure, reading order, language, alt texts).
PDF_STANDARD: Final = "ua-1"

# Every ASCII punctuation character: each has or may get a meaning in markup, and Typst accepts a
# backslash before any of them (checked for all 32 with Typst 0.15).
_MARKUP = re.compile("[" + re.escape(string.punctuation) + "]")


class TypesetError(RuntimeError):
    """Typst could not typeset a document (its message says where in the template)."""


def escape_markup(text: str) -> str:
    """Text made literal for Typst *markup*: every character with a meaning there is escaped.

    A backslash before each of them is what Typst's markup offers: a line that starts with `=`,
    `-`, `+`, `/` or `1.` can no longer become a heading, list or term, `#` can no longer start
    code and `]` can no longer close the content it stands in. Documents here pass text as JSON
    values instead (see the module docstring), which needs no escaping at all.
    """
    return _MARKUP.sub(lambda match: "\\" + match.group(0), str(text)).replace("\r", "")


@functools.cache
def _fonts() -> Any:  # a typst.Fonts, loaded once per process
    import typst

    dirs = [folder for folder in FONT_DIRS if Path(folder).is_dir()]
    if dirs:
        return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=dirs)
    return typst.Fonts(include_system_fonts=True, include_embedded_fonts=True)


def typeset(
    template: Path, data: dict[str, Any], *, created: datetime.datetime | None = None
) -> bytes:
    """Typeset `template` (a .typ file that reads `sys.inputs.data`) with `data` to PDF bytes."""
    import typst

    compiler = typst.Compiler(
        str(template), root=str(template.parent), font_paths=_fonts(), ignore_system_fonts=True
    )
    inputs = {"data": json.dumps(data, ensure_ascii=False, default=str)}
    try:
        result = compiler.compile(
            format="pdf",
            sys_inputs=inputs,
            pdf_standards=PDF_STANDARD,
            timestamp=int(created.timestamp()) if created else None,
        )
    except typst.TypstError as error:
        raise TypesetError(str(error)) from error
    assert isinstance(result, bytes)
    return result
