"""The "who does what" course is generated from the municipality's published guidebook."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from wegweiser.guidebook.models import MandateItem, MandateKind, Organization
from wegweiser.learning import generated, selectors, services


def course_text(course) -> str:
    return " ".join(unit.html for unit in course.units) + " ".join(
        q.text + " ".join(a.text for a in q.answers)
        for unit in course.units
        for q in unit.questions
    )


def test_course_presents_each_published_actor_with_its_mandate(world):
    course = generated.build_course(world.musterstadt, "de")
    text = course_text(course)
    for organization in Organization.objects.published().serving(world.musterstadt):
        assert organization.name in text
    jobcenter = world.organization
    can = jobcenter.mandate_items.filter(kind=MandateKind.CAN).first()
    assert can.text in text
    quiz = course.unit("mandates-quiz")
    assert quiz is not None and any(q.key == "not-a-public-body" for q in quiz.questions)
    # The other municipality's course is built from its own guidebook.
    assert generated.build_course(world.beispielstadt, "de").version != course.version


def test_course_follows_a_change_of_the_guidebook(world):
    before = generated.build_course(world.musterstadt, "de")
    MandateItem.objects.create(
        organization=world.organization,
        kind=MandateKind.DATA_DUTY,
        text="Neu: Das Jobcenter meldet nichts ohne Rechtsgrundlage.",
        order=1,
    )
    after = generated.build_course(world.musterstadt, "de")
    assert "Neu: Das Jobcenter meldet nichts ohne Rechtsgrundlage." in course_text(after)
    assert "Neu: Das Jobcenter" not in course_text(before)
    assert after.version != before.version

    world.organization.archived_at = timezone.now()
    world.organization.save()
    archived = generated.build_course(world.musterstadt, "de")
    assert world.organization.name not in course_text(archived)


def test_a_completion_is_flagged_when_the_guidebook_changed_since(client_as, world):
    user = world.users["coordinator"]
    course = selectors.get_course(world.musterstadt, generated.SLUG, "de")
    enrolment = services.enrol(user, world.musterstadt, course)
    for unit in course.units:
        if unit.kind == "quiz":
            answers = {q.key: next(a.key for a in q.answers if a.correct) for q in unit.questions}
            services.submit_quiz(enrolment, course, unit, answers)
        else:
            services.mark_unit_done(enrolment, course, unit)
    enrolment.refresh_from_db()
    assert enrolment.is_complete
    url = reverse("learning:course", kwargs={"slug": "musterstadt", "course": generated.SLUG})
    client = client_as("coordinator")
    assert "hat sich geändert" not in client.get(url).content.decode()
    MandateItem.objects.create(
        organization=world.organization, kind=MandateKind.CANNOT, text="Neue Grenze.", order=2
    )
    assert "hat sich geändert" in client.get(url).content.decode()


def test_an_empty_guidebook_gives_a_course_without_quiz(world):
    from wegweiser.core.models import Municipality, State

    # In Hessen: a new municipality of Rheinland-Pfalz starts with the demo's state-wide actors.
    empty = Municipality.objects.create(
        state=State.objects.get(code="06"), name="Leerstadt", slug="leerstadt", ags="06999099"
    )
    course = generated.build_course(empty, "en")
    assert [unit.key for unit in course.units] == ["about"]
    assert services.score_percent(course, {}) is None
