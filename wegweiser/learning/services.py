"""Every write of the course module (in a transaction), plus grading and the certificate."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wegweiser.accounts.access import organizations_of

from .content import Answer, Course, Question, Unit
from .models import Enrolment, QuizResult


class IncompleteAnswers(ValueError):
    """Not every question of a quiz was answered (or an answer key is unknown)."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(", ".join(missing))


@dataclass(frozen=True)
class GradedQuestion:
    question: Question
    chosen: Answer
    correct_answer: Answer

    @property
    def is_correct(self) -> bool:
        return self.chosen.correct


@dataclass(frozen=True)
class Grade:
    questions: tuple[GradedQuestion, ...]

    @property
    def correct(self) -> int:
        return sum(q.is_correct for q in self.questions)

    @property
    def total(self) -> int:
        return len(self.questions)


def grade(unit: Unit, answers: dict[str, str]) -> Grade:
    """Grade a quiz: `answers` maps question key → answer key. Every question needs an answer."""
    graded = []
    missing = []
    for question in unit.questions:
        chosen = question.answer(answers.get(question.key, ""))
        if chosen is None:
            missing.append(question.key)
            continue
        correct = next(answer for answer in question.answers if answer.correct)
        graded.append(GradedQuestion(question, chosen, correct))
    if missing:
        raise IncompleteAnswers(missing)
    return Grade(tuple(graded))


def score_percent(course: Course, results: dict[str, tuple[int, int]]) -> int | None:
    """Share of correct answers over the course's quizzes (latest result each), rounded down."""
    total = sum(results[u.key][1] for u in course.quiz_units if u.key in results)
    if not course.quiz_units:
        return None
    if total == 0:
        return 0
    correct = sum(results[u.key][0] for u in course.quiz_units if u.key in results)
    return correct * 100 // total


@transaction.atomic
def enrol(user, municipality, course: Course) -> Enrolment:
    organizations = sorted(organizations_of(user, municipality), key=str)
    enrolment, created = Enrolment.objects.get_or_create(
        user=user,
        municipality=municipality,
        course=course.slug,
        defaults={"organization_id": organizations[0] if organizations else None},
    )
    return enrolment


@transaction.atomic
def mark_unit_done(enrolment: Enrolment, course: Course, unit: Unit) -> Enrolment:
    if unit.kind == "quiz":
        raise ValueError("quiz units are done by answering them")
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if unit.key not in enrolment.units_done:
        enrolment.units_done = [*enrolment.units_done, unit.key]
    _update_completion(enrolment, course)
    return enrolment


@transaction.atomic
def submit_quiz(enrolment: Enrolment, course: Course, unit: Unit, answers: dict) -> Grade:
    """Grade and record a quiz (counts only). Raises IncompleteAnswers and changes nothing then."""
    result = grade(unit, answers)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    QuizResult.objects.update_or_create(
        enrolment=enrolment,
        unit=unit.key,
        defaults={"correct": result.correct, "total": result.total},
    )
    if unit.key not in enrolment.units_done:
        enrolment.units_done = [*enrolment.units_done, unit.key]
    _update_completion(enrolment, course)
    return result


def _update_completion(enrolment: Enrolment, course: Course) -> None:
    results = {row.unit: (row.correct, row.total) for row in enrolment.quiz_results.all()}
    score = score_percent(course, results)
    all_done = all(unit.key in enrolment.units_done for unit in course.units)
    passed = score is None or score >= course.pass_percent
    if not enrolment.is_complete:
        enrolment.score_percent = score
        if all_done and passed:
            enrolment.completed_at = timezone.now()
            enrolment.course_version = course.version
    elif score is not None and score > (enrolment.score_percent or 0):
        enrolment.score_percent = score
    enrolment.save()


def certificate_pdf(enrolment: Enrolment, course: Course, request=None) -> bytes:
    from wegweiser.core.pdf import render_pdf

    return render_pdf(
        "learning/certificate_pdf.html",
        {"enrolment": enrolment, "course": course, "municipality": enrolment.municipality},
        request,
    )
