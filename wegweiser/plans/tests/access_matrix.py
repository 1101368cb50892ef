"""Every plans URL × persona, exact. The plan, its measures, version and review come from the demo
(plans/demo.py).

Members, counsellors and coordinators read the internal plan; coordinators edit; state
coordinators see only the side-by-side state page; outsiders, foreign state coordinators and the
platform admin (no membership) get 404; anonymous users are sent to the login.
"""

import uuid

from wegweiser.testing import Route

SLUG = {"slug": "musterstadt"}
OUTSIDE = {"anonymous": 302, "outsider": 404, "foreign_state": 404, "admin": 404}
READ = {**OUTSIDE, "state_coordinator": 404}
WRITE = {**READ, "member": 403, "counsellor": 403}
RANDOM = str(uuid.UUID(int=1))


def _measure(proposed: bool):
    from wegweiser.plans.models import Measure, MeasureStatus

    return (
        Measure.objects.filter(plan__network__municipality__slug="musterstadt", proposed=proposed)
        .exclude(status=MeasureStatus.DROPPED)
        .order_by("created_at")
        .first()
    )


def measure(world):
    return {**SLUG, "measure": _measure(False).pk}


def proposal(world):
    return {**SLUG, "measure": _measure(True).pk}


def review(world):
    from wegweiser.plans.models import Review

    found = Review.objects.get(plan__network__municipality__slug="musterstadt")
    return {**SLUG, "review": found.pk}


def with_measure(**extra):
    return lambda world: {**measure(world), **extra}


ROUTES = [
    Route("plans:plan", kwargs=SLUG, expect=READ),
    # The demo plan exists already: starting again leads back to it.
    Route("plans:create", kwargs=SLUG, method="post", default=302, expect=WRITE),
    Route("plans:edit", kwargs=SLUG, expect=WRITE),
    Route("plans:draft", kwargs=SLUG, expect=WRITE),
    Route(
        "plans:proposal_decide",
        kwargs=proposal,
        method="post",
        data={"decision": "drop"},
        default=302,
        expect=WRITE,
    ),
    Route("plans:measure_create", kwargs=SLUG, expect=WRITE),
    Route("plans:measure", kwargs=measure, expect=READ),
    Route("plans:measure_edit", kwargs=measure, expect=WRITE),
    # An empty choice is refused with a message on the measure page.
    Route("plans:measure_link", kwargs=measure, method="post", default=302, expect=WRITE),
    Route(
        "plans:measure_unlink",
        kwargs=with_measure(link=RANDOM),
        method="post",
        default=404,
        expect=WRITE,
    ),
    Route("plans:value_add", kwargs=measure, method="post", default=400, expect=WRITE),
    Route("plans:adopt", kwargs=SLUG, expect=WRITE),
    Route("plans:version", kwargs={**SLUG, "number": 1}, expect=READ),
    Route("plans:version_pdf", kwargs={**SLUG, "number": 1}, expect=READ),
    Route("plans:review_create", kwargs=SLUG, expect=WRITE),
    Route("plans:review", kwargs=review, expect=READ),
    Route("plans:review_pdf", kwargs=review, expect=READ),
    Route("plans:review_odt", kwargs=review, expect=READ),
    Route(
        "plans:state_overview",
        kwargs={"state": "rheinland-pfalz"},
        default=404,
        # Members of the state's networks read their own plans, not the state's overview: 403.
        expect={
            "anonymous": 302,
            "state_coordinator": 200,
            "foreign_state": 404,
            **{p: 403 for p in ("coordinator", "member", "counsellor", "outsider", "state_member")},
        },
    ),
]
