"""SCORM 1.2 export of a course: a zip that ILIAS, Moodle or any SCORM 1.2 player imports.

The package holds one SCO: `index.html` with every unit of the course, `course.js` (quiz feedback
and the SCORM runtime calls) and `course.css`. It needs no network: everything it shows is inside
the zip. The launch page finds the LMS's `API` object in a parent or opener window, sets
`cmi.core.lesson_status` ("incomplete" on start, then "passed" or "failed" when every quiz is
answered), `cmi.core.score.raw/min/max` and commits. Without an LMS (opened from disk) it works as
a plain page.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import override

from .content import Course

TEMPLATES = "learning/scorm/"
FILES = ["index.html", "course.js", "course.css"]


def identifier(course: Course, municipality) -> str:
    return f"wegweiser-{municipality.slug}-{course.slug}-{course.language}-{course.version}"


def package_files(course: Course, municipality) -> dict[str, str]:
    context = {
        "course": course,
        "municipality": municipality,
        "identifier": identifier(course, municipality),
        "files": FILES,
    }
    with override(course.language):
        files: dict[str, str] = {
            name: render_to_string(TEMPLATES + name, context) for name in FILES
        }
        files["imsmanifest.xml"] = render_to_string(TEMPLATES + "imsmanifest.xml", context)
    return files


def build_package(course: Course, municipality) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(package_files(course, municipality).items()):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def extract(data: bytes, target: Path) -> Path:
    """Unpack a package (tests and operators checking a package by hand)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(target)
    return target
