"""Courses as data: Markdown files with a YAML front matter, reviewed like code.

One file per course and language: `data/courses/<slug>.<lang>.md`. The front matter names the
course (title, summary, minutes, pass mark, as-of date, sources); the body is a sequence of units,
each opened by a marker line

    ::: unit <key> <kind>

where kind is `text`, `case` (a vignette from practice) or `quiz`. The first `## ` heading of a
unit is its title. A quiz unit holds a fenced block ```quiz with a YAML list of questions, each
with answers, exactly one correct, and feedback for every answer. Unit and question keys are the
same in every language of a course (a test checks it), so progress does not depend on the language.

Markdown is rendered by markdown-it-py with raw HTML switched off and the result sanitised by nh3:
an author cannot put script or styles into a page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import nh3
import yaml
from markdown_it import MarkdownIt

COURSE_DIR = Path(__file__).parent / "data" / "courses"
UNIT_KINDS = ("text", "case", "quiz")
UNIT_MARKER = re.compile(r"^::: unit ([a-z0-9-]+) (text|case|quiz)\s*$", re.MULTILINE)
QUIZ_BLOCK = re.compile(r"^```quiz\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "code", "br", "hr", "figure", "figcaption",
}  # fmt: skip


class CourseError(ValueError):
    """A course file breaks the format (raised while loading; tests load every file)."""


@dataclass(frozen=True)
class Answer:
    key: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    answers: tuple[Answer, ...]

    def answer(self, key: str) -> Answer | None:
        return next((answer for answer in self.answers if answer.key == key), None)


@dataclass(frozen=True)
class Unit:
    key: str
    kind: str
    title: str
    html: str
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Course:
    slug: str
    language: str
    title: str
    summary: str
    minutes: int
    pass_percent: int
    as_of: str
    sources: tuple[str, ...]
    units: tuple[Unit, ...]
    generated: bool = False
    version: str = field(default="")

    def unit(self, key: str) -> Unit | None:
        return next((unit for unit in self.units if unit.key == key), None)

    @property
    def quiz_units(self) -> list[Unit]:
        return [unit for unit in self.units if unit.kind == "quiz"]

    def next_unit(self, key: str) -> Unit | None:
        keys = [unit.key for unit in self.units]
        index = keys.index(key)
        return self.units[index + 1] if index + 1 < len(self.units) else None


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def render_markdown(text: str) -> str:
    html = _markdown.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def version_of(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def _split_front_matter(text: str, where: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise CourseError(f"{where}: the file must start with a front matter (---)")
    try:
        head, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise CourseError(f"{where}: the front matter is not closed") from None
    meta = yaml.safe_load(head) or {}
    for key in ("slug", "title", "summary", "minutes", "pass_percent", "as_of"):
        if key not in meta:
            raise CourseError(f"{where}: front matter lacks {key!r}")
    return meta, body


def _parse_questions(block: str, where: str) -> tuple[Question, ...]:
    rows = yaml.safe_load(block) or []
    questions = []
    for row in rows:
        answers = tuple(
            Answer(
                key="abcdefgh"[index],
                text=str(answer["text"]),
                correct=bool(answer.get("correct", False)),
                feedback=str(answer["feedback"]),
            )
            for index, answer in enumerate(row["answers"])
        )
        if sum(answer.correct for answer in answers) != 1:
            raise CourseError(
                f"{where}: question {row.get('key')!r} needs exactly one correct answer"
            )
        if len(answers) < 2:
            raise CourseError(f"{where}: question {row.get('key')!r} needs at least two answers")
        questions.append(Question(key=str(row["key"]), text=str(row["question"]), answers=answers))
    if not questions:
        raise CourseError(f"{where}: a quiz unit needs questions")
    return tuple(questions)


def make_unit(key: str, kind: str, source: str, where: str = "") -> Unit:
    """A unit from its Markdown source (title = first `## ` heading, removed from the body)."""
    lines = source.strip().splitlines()
    if not lines or not lines[0].startswith("## "):
        raise CourseError(f"{where}: unit {key!r} must start with a '## ' heading")
    title = lines[0][3:].strip()
    body = "\n".join(lines[1:])
    questions: tuple[Question, ...] = ()
    if kind == "quiz":
        match = QUIZ_BLOCK.search(body)
        if match is None:
            raise CourseError(f"{where}: quiz unit {key!r} lacks a ```quiz block")
        questions = _parse_questions(match.group(1), f"{where} {key}")
        body = body[: match.start()] + body[match.end() :]
    return Unit(key=key, kind=kind, title=title, html=render_markdown(body), questions=questions)


def parse_course(text: str, language: str, where: str = "") -> Course:
    meta, body = _split_front_matter(text, where)
    markers = list(UNIT_MARKER.finditer(body))
    if not markers:
        raise CourseError(f"{where}: no units (lines '::: unit <key> <kind>')")
    units = []
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(body)
        source = body[marker.end() : end]
        units.append(make_unit(marker.group(1), marker.group(2), source, where))
    keys = [unit.key for unit in units]
    if len(set(keys)) != len(keys):
        raise CourseError(f"{where}: unit keys repeat")
    return Course(
        slug=str(meta["slug"]),
        language=language,
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        minutes=int(meta["minutes"]),
        pass_percent=int(meta["pass_percent"]),
        as_of=str(meta["as_of"]),
        sources=tuple(str(source) for source in meta.get("sources", [])),
        units=tuple(units),
        version=version_of(text),
    )


def course_files() -> list[Path]:
    return sorted(COURSE_DIR.glob("*.*.md"))


@cache
def authored_courses() -> dict[tuple[str, str], Course]:
    """(slug, language) → Course for every file under data/courses/."""
    courses = {}
    for path in course_files():
        slug, language, _suffix = path.name.rsplit(".", 2)
        course = parse_course(path.read_text(encoding="utf-8"), language, path.name)
        if course.slug != slug:
            raise CourseError(f"{path.name}: slug in the front matter differs from the file name")
        courses[(slug, language)] = course
    return courses


def authored_slugs() -> list[str]:
    order: list[str] = []
    for slug, _language in authored_courses():
        if slug not in order:
            order.append(slug)
    return order
