"""Demo progress: the job-centre member of Musterstadt has completed the first course (so a
certificate and the completion figures show something); the counsellor has started the last one.

Goes through the services like a person taking the courses would; idempotent.
"""

from __future__ import annotations

from . import selectors, services


def _correct_answers(unit) -> dict[str, str]:
    return {q.key: next(a.key for a in q.answers if a.correct) for q in unit.questions}


def load(ctx) -> None:
    musterstadt = ctx.municipalities["musterstadt"]
    member = ctx.users.get("jobcenter@musterstadt.example.org")
    counsellor = ctx.users.get("beratung@musterstadt.example.org")
    if member is not None:
        course = selectors.get_course(musterstadt, "recognising-exploitation", "de")
        assert course is not None
        enrolment = services.enrol(member, musterstadt, course)
        for unit in course.units:
            if unit.kind == "quiz":
                services.submit_quiz(enrolment, course, unit, _correct_answers(unit))
            else:
                services.mark_unit_done(enrolment, course, unit)
    if counsellor is not None:
        course = selectors.get_course(musterstadt, "referring-safely", "de")
        assert course is not None
        enrolment = services.enrol(counsellor, musterstadt, course)
        services.mark_unit_done(enrolment, course, course.units[0])
