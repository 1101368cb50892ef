"""Course module URLs × personas (see core/tests/test_routes.py).

Courses: every member of Musterstadt's network takes them (coordinator, member, counsellor and the
state coordinator of Rheinland-Pfalz); anonymous users are sent to the login; outsiders, the
foreign state coordinator and the platform admin (no membership) get 404. Figures, SCORM export and
the Workshop I kit: coordinators and state coordinators; member and counsellor 403. The certificate
exists only for a completed course: the demo member has completed the first course, so only she
gets 200. The rights pages are public.
"""

from wegweiser.testing import Route

M = {"slug": "musterstadt"}
LEARNERS = {"anonymous": 302, "outsider": 404, "foreign_state": 404, "admin": 404}
MANAGERS = {**LEARNERS, "member": 403, "counsellor": 403}


def course(slug):
    return {**M, "course": slug}


def unit(slug, key):
    return {**M, "course": slug, "unit": key}


ROUTES = [
    Route("learning:courses", kwargs=M, expect=LEARNERS),
    Route("learning:course", kwargs=course("recognising-exploitation"), expect=LEARNERS),
    Route("learning:course", kwargs=course("who-does-what"), expect=LEARNERS),
    Route("learning:unit", kwargs=unit("referring-safely", "section-87"), expect=LEARNERS),
    Route("learning:unit", kwargs=unit("who-does-what", "mandates-quiz"), expect=LEARNERS),
    # Marking a text unit done: a redirect to the next unit for members.
    Route(
        "learning:unit",
        kwargs=unit("referring-safely", "consent-first"),
        method="post",
        expect=LEARNERS,
        default=302,
    ),
    # A quiz posted without answers: 400 ("answer every question"), nothing stored.
    Route(
        "learning:unit",
        kwargs=unit("referring-safely", "referring-quiz"),
        method="post",
        expect=LEARNERS,
        default=400,
    ),
    Route(
        "learning:certificate",
        kwargs=course("recognising-exploitation"),
        expect={**LEARNERS, "member": 200},
        default=404,
    ),
    Route("learning:scorm", kwargs=course("referring-safely"), expect=MANAGERS),
    Route("learning:figures", kwargs=M, expect=MANAGERS),
    Route("learning:workshop", kwargs=M, expect=MANAGERS),
    Route("learning:workshop_file", kwargs={**M, "part": "handout"}, expect=MANAGERS),
    Route("learning:rights", public=True, kwargs=M),
    Route("learning:rights_easy", public=True, kwargs=M),
    Route("learning:rights_leaflet", public=True, kwargs=M),
    Route("learning:rights_sw", public=True, kwargs=M),
]
