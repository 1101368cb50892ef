"""Taking a course: grading with feedback, progress, completion, certificate, figures."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.translation import override

from wegweiser.learning import selectors, services
from wegweiser.learning.models import Enrolment, QuizResult

from .pdfs import page_boxes, page_count

COURSE = "referring-safely"


def correct(unit):
    return {q.key: next(a.key for a in q.answers if a.correct) for q in unit.questions}


def wrong(unit):
    return {q.key: next(a.key for a in q.answers if not a.correct) for q in unit.questions}


@pytest.fixture
def course(world):
    return selectors.get_course(world.musterstadt, COURSE, "en")


def test_grading_counts_correct_answers_and_keeps_feedback(course):
    quiz = course.unit("referring-quiz")
    answers = correct(quiz)
    first = quiz.questions[0]
    answers[first.key] = next(a.key for a in first.answers if not a.correct)
    grade = services.grade(quiz, answers)
    assert (grade.correct, grade.total) == (len(quiz.questions) - 1, len(quiz.questions))
    assert not grade.questions[0].is_correct
    assert grade.questions[0].chosen.feedback.startswith("No")
    assert grade.questions[0].correct_answer.correct


def test_grading_refuses_missing_or_unknown_answers(course):
    quiz = course.unit("referring-quiz")
    answers = correct(quiz)
    answers[quiz.questions[1].key] = "z"
    with pytest.raises(services.IncompleteAnswers) as problem:
        services.grade(quiz, answers)
    assert problem.value.missing == [quiz.questions[1].key]


def test_score_is_the_share_of_correct_answers_over_all_quizzes(course):
    assert services.score_percent(course, {}) == 0
    assert services.score_percent(course, {"referring-quiz": (2, 3)}) == 66


def test_completion_needs_every_unit_and_the_pass_mark(world, course):
    user = world.users["coordinator"]
    enrolment = services.enrol(user, world.musterstadt, course)
    assert enrolment.organization is not None  # the coordinator's organisation, for the figures
    quiz = course.unit("referring-quiz")
    services.submit_quiz(enrolment, course, quiz, wrong(quiz))
    enrolment.refresh_from_db()
    assert enrolment.score_percent == 0 and not enrolment.is_complete
    for unit in course.units:
        if unit.kind != "quiz":
            services.mark_unit_done(enrolment, course, unit)
    enrolment.refresh_from_db()
    assert not enrolment.is_complete  # all units seen, but 0 % < pass mark
    services.submit_quiz(enrolment, course, quiz, correct(quiz))
    enrolment.refresh_from_db()
    assert enrolment.is_complete and enrolment.score_percent == 100
    assert enrolment.course_version == course.version
    # Only counts are stored, never the answers themselves.
    result = QuizResult.objects.get(enrolment=enrolment)
    assert (result.correct, result.total) == (3, 3)
    assert {f.name for f in QuizResult._meta.get_fields()} == {
        "id", "enrolment", "unit", "correct", "total", "answered_at"
    }  # fmt: skip


def test_quiz_page_shows_feedback_per_answer(client_as, world, course):
    client = client_as("counsellor")
    quiz = course.unit("referring-quiz")
    with override("en"):
        url = reverse(
            "learning:unit", kwargs={"slug": "musterstadt", "course": COURSE, "unit": quiz.key}
        )
    answers = correct(quiz)
    first = quiz.questions[0]
    chosen = next(a for a in first.answers if not a.correct)
    answers[first.key] = chosen.key
    response = client.post(url, answers)
    assert response.status_code == 200
    body = response.content.decode()
    assert chosen.feedback in body
    assert "2 of 3 answers correct" in body
    for question in quiz.questions[1:]:
        right = next(a for a in question.answers if a.correct)
        assert right.feedback in body


def test_unanswered_quiz_answers_400_and_stores_nothing(client_as, world):
    client = client_as("counsellor")
    url = reverse(
        "learning:unit", kwargs={"slug": "musterstadt", "course": COURSE, "unit": "referring-quiz"}
    )
    before = QuizResult.objects.count()
    response = client.post(url, {"unknown-status": "b"})
    assert response.status_code == 400
    assert QuizResult.objects.count() == before


def test_member_completes_a_course_through_the_pages_and_gets_a_certificate(client_as, world):
    client = client_as("counsellor")
    course = selectors.get_course(world.musterstadt, COURSE, "de")
    certificate = reverse("learning:certificate", kwargs={"slug": "musterstadt", "course": COURSE})
    assert client.get(certificate).status_code == 404
    for unit in course.units:
        url = reverse(
            "learning:unit", kwargs={"slug": "musterstadt", "course": COURSE, "unit": unit.key}
        )
        data = correct(unit) if unit.kind == "quiz" else {}
        assert client.post(url, data).status_code in (200, 302)
    enrolment = Enrolment.objects.get(user=world.users["counsellor"], course=COURSE)
    assert enrolment.is_complete and enrolment.score_percent == 100
    response = client.get(certificate)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    overview = client.get(
        reverse("learning:course", kwargs={"slug": "musterstadt", "course": COURSE})
    )
    assert "Bescheinigung herunterladen" in overview.content.decode()


def test_unknown_course_or_unit_is_404(client_as):
    client = client_as("member")
    assert (
        client.get(
            reverse("learning:course", kwargs={"slug": "musterstadt", "course": "nope"})
        ).status_code
        == 404
    )
    url = reverse("learning:unit", kwargs={"slug": "musterstadt", "course": COURSE, "unit": "nope"})
    assert client.get(url).status_code == 404


def test_figures_count_per_organisation_without_names_or_answers(client_as, world):
    figures = selectors.completion_figures(world.musterstadt)
    jobcenter = next(
        row for row in figures["rows"] if row["organization"] == "Jobcenter Musterstadt"
    )
    assert jobcenter["courses"]["recognising-exploitation"] == {"started": 1, "completed": 1}
    assert figures["totals"]["recognising-exploitation"]["completed"] == 1
    assert (
        selectors.completion_figures(world.musterstadt, year=1999)["totals"][
            "recognising-exploitation"
        ]["completed"]
        == 0
    )
    response = client_as("coordinator").get(
        reverse("learning:figures", kwargs={"slug": "musterstadt"})
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Jobcenter Musterstadt" in body
    assert world.users["member"].name not in body and world.users["member"].email not in body
    # Beispielstadt's figures know nothing of Musterstadt's people.
    assert selectors.completion_figures(world.beispielstadt)["totals"] == {}


def test_workshop_kit_files_are_pdfs_and_slides_are_16_to_9(client_as):
    client = client_as("coordinator")
    for part in ("guide", "slides", "vignettes", "handout", "feedback"):
        url = reverse("learning:workshop_file", kwargs={"slug": "musterstadt", "part": part})
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), part
        if part == "slides":
            assert page_boxes(response.content) == {(841.89, 473.56)}
            assert page_count(response.content) == 8
    bad = reverse("learning:workshop_file", kwargs={"slug": "musterstadt", "part": "secrets"})
    assert client.get(bad).status_code == 404


def test_dashboard_links_courses_and_for_coordinators_the_kit(client_as):
    body = client_as("member").get(reverse("core:dashboard")).content.decode()
    assert reverse("learning:courses", kwargs={"slug": "musterstadt"}) in body
    assert "1 Kurs abgeschlossen" in body
    assert reverse("learning:workshop", kwargs={"slug": "musterstadt"}) not in body


def test_dashboard_of_a_coordinator_links_figures_and_kit(client_as):
    body = client_as("coordinator").get(reverse("core:dashboard")).content.decode()
    assert reverse("learning:workshop", kwargs={"slug": "musterstadt"}) in body
    assert reverse("learning:figures", kwargs={"slug": "musterstadt"}) in body


def test_municipality_page_links_rights_for_all_and_courses_for_members(client_as):
    url = reverse("core:municipality", kwargs={"slug": "musterstadt"})
    courses = reverse("learning:courses", kwargs={"slug": "musterstadt"})
    rights = reverse("learning:rights", kwargs={"slug": "musterstadt"})
    public = client_as("anonymous").get(url).content.decode()
    assert rights in public and courses not in public
    assert courses in client_as("member").get(url).content.decode()


def test_query_counts_do_not_grow_with_the_guidebook(
    client_as, django_assert_max_num_queries, world
):
    from wegweiser.guidebook.models import Organization

    client = client_as("member")
    courses = reverse("learning:courses", kwargs={"slug": "musterstadt"})
    rights = reverse("learning:rights", kwargs={"slug": "musterstadt"})
    with django_assert_max_num_queries(20):
        assert client.get(courses).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(rights).status_code == 200
    template = world.counselling
    for index in range(5):
        clone = Organization.objects.create(
            name=f"Beratung {index}", actor_type=template.actor_type, status=template.status
        )
        clone.municipalities.add(world.musterstadt)
    with django_assert_max_num_queries(20):
        assert client.get(courses).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(rights).status_code == 200
