"""Guidebook URLs × personas (see core/tests/test_routes.py).

Editors: coordinators of Musterstadt edit every entry, the member edits its own organisation
(Jobcenter Musterstadt, the `world.organization`). Counsellors and state coordinators may read the
internal guidebook but not edit others' entries (403). Outsiders, the foreign state and the platform
admin (no membership) get 404; anonymous users 404 or a login redirect.
"""

from wegweiser.testing import Route

EDITORS = {
    "coordinator": {200},
    "member": {200},
    "counsellor": 403,
    "state_coordinator": 403,
    "admin": 404,
}
EDITORS_POST = {**EDITORS, "coordinator": 302, "member": 302}
COORDINATOR_ONLY = {
    "coordinator": 200,
    "member": 403,
    "counsellor": 403,
    "state_coordinator": 403,
    "admin": 404,
}
COORDINATOR_ONLY_POST = {**COORDINATOR_ONLY, "coordinator": 302}


def org(w):
    return {"slug": "musterstadt", "pk": w.organization.pk}


def item(w):
    return {**org(w), "item": w.organization.mandate_items.first().pk}


def person(w):
    return {**org(w), "person": w.organization.contact_persons.first().pk}


def proposal(w):
    from wegweiser.guidebook.services import answer_request, create_confirmation_request

    request, _token = create_confirmation_request(w.organization)
    answer_request(request, confirmed=False, message="Neue Telefonnummer")
    return {"slug": "musterstadt", "proposal": request.pk}


def token(w):
    from wegweiser.guidebook.services import create_confirmation_request

    return {"token": create_confirmation_request(w.organization)[1]}


ROUTES = [
    Route("guidebook:overview", public=True, kwargs={"slug": "musterstadt"}),
    Route(
        "guidebook:overview",
        kwargs={"slug": "musterstadt"},
        query="?version=internal",
        expect={"anonymous": 302, "admin": 404, "outsider": 404, "foreign_state": 404},
    ),
    Route("guidebook:search", public=True, kwargs={"slug": "musterstadt"}, query="?q=Lohn"),
    Route("guidebook:detail", public=True, kwargs=org),
    Route("guidebook:print", public=True, kwargs={"slug": "musterstadt"}),
    Route(
        "guidebook:print",
        kwargs={"slug": "musterstadt"},
        query="?version=internal",
        expect={"anonymous": 302, "admin": 404, "outsider": 404, "foreign_state": 404},
    ),
    Route(
        "guidebook:detail",
        kwargs=org,
        query="?version=internal",
        expect={"anonymous": 302, "admin": 404, "outsider": 404, "foreign_state": 404},
    ),
    Route("guidebook:new", kwargs={"slug": "musterstadt"}, expect=COORDINATOR_ONLY),
    Route("guidebook:review", kwargs={"slug": "musterstadt"}, expect=COORDINATOR_ONLY),
    Route(
        "guidebook:send_confirmations",
        kwargs={"slug": "musterstadt"},
        method="post",
        expect=COORDINATOR_ONLY_POST,
    ),
    Route(
        "guidebook:proposal_done",
        kwargs=proposal,
        method="post",
        data={"confirm": "0"},
        expect=COORDINATOR_ONLY_POST,
    ),
    Route("guidebook:edit", kwargs=org, expect=EDITORS),
    Route("guidebook:mandate_new", kwargs=org, expect=EDITORS),
    Route("guidebook:mandate_item", kwargs=item, expect=EDITORS),
    Route("guidebook:mandate_delete", kwargs=item, method="post", expect=EDITORS_POST),
    Route("guidebook:contacts", kwargs=org, expect=EDITORS),
    Route("guidebook:contact", kwargs=person, expect=EDITORS),
    Route("guidebook:withdraw_consent", kwargs=person, method="post", expect=EDITORS_POST),
    Route("guidebook:approve", kwargs=org, expect=COORDINATOR_ONLY),
    Route("guidebook:history", kwargs=org, expect=COORDINATOR_ONLY),
    Route("guidebook:archive", kwargs=org, method="post", expect=COORDINATOR_ONLY_POST),
    Route("guidebook:confirm", public=True, kwargs=token),
]

# Exports (PDF, vCard, HSDS, guidebook API) are listed in their own module.
from .access_matrix_exports import ROUTES as EXPORT_ROUTES  # noqa: E402

ROUTES += EXPORT_ROUTES
