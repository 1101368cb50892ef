"""Courses as data: every file parses, languages agree, Markdown is sanitised, bad files fail."""

from __future__ import annotations

import pytest

from wegweiser.learning.content import (
    CourseError,
    authored_courses,
    authored_slugs,
    parse_course,
    render_markdown,
)

HEAD = """---
slug: demo
title: Demo
summary: A demo
minutes: 5
pass_percent: 50
as_of: 2026-11-30
---
"""


def test_every_authored_course_exists_in_german_and_english():
    courses = authored_courses()
    for slug in authored_slugs():
        assert (slug, "de") in courses and (slug, "en") in courses, slug


@pytest.mark.parametrize("slug", authored_slugs())
def test_languages_share_units_questions_and_correct_answers(slug):
    german, english = authored_courses()[(slug, "de")], authored_courses()[(slug, "en")]
    assert [(u.key, u.kind) for u in german.units] == [(u.key, u.kind) for u in english.units]
    for de_unit, en_unit in zip(german.units, english.units, strict=True):
        assert [q.key for q in de_unit.questions] == [q.key for q in en_unit.questions]
        for de_q, en_q in zip(de_unit.questions, en_unit.questions, strict=True):
            assert [a.correct for a in de_q.answers] == [a.correct for a in en_q.answers]
            assert all(a.feedback for a in de_q.answers + en_q.answers)
    assert german.pass_percent == english.pass_percent
    assert german.title != english.title


def test_the_first_course_covers_indicators_and_the_seven_sectors():
    course = authored_courses()[("recognising-exploitation", "en")]
    text = " ".join(unit.html for unit in course.units).lower()
    for sector in (
        "construction",
        "meat",
        "care",
        "agriculture",
        "logistics",
        "cleaning",
        "hospitality",
    ):
        assert sector in text
    assert "debt bondage" in text and "retention of identity documents" in text
    assert {unit.kind for unit in course.units} == {"text", "case", "quiz"}


def test_markdown_cannot_carry_script_or_raw_html():
    html = render_markdown("Hi <script>alert(1)</script> [x](javascript:alert(1)) **bold**")
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as text, never run
    assert "<strong>bold</strong>" in html


def test_a_quiz_needs_exactly_one_correct_answer():
    text = (
        HEAD
        + """
::: unit q quiz
## Quiz

```quiz
- key: one
  question: "Which?"
  answers:
    - text: "A"
      correct: true
      feedback: "yes"
    - text: "B"
      correct: true
      feedback: "also yes"
```
"""
    )
    with pytest.raises(CourseError, match="exactly one correct"):
        parse_course(text, "en", "bad.en.md")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "front matter"),
        (HEAD.replace("minutes: 5\n", ""), "minutes"),
        (HEAD + "\nno units here\n", "no units"),
        (HEAD + "\n::: unit a text\nno heading\n", "heading"),
        (HEAD + "\n::: unit a quiz\n## Q\nno block\n", "quiz"),
        (HEAD + "\n::: unit a text\n## A\n::: unit a text\n## B\n", "repeat"),
    ],
)
def test_broken_course_files_are_rejected_with_a_reason(text, message):
    with pytest.raises(CourseError, match=message):
        parse_course(text, "en", "bad.en.md")
