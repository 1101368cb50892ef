"""Routes of the guidebook's exports (merged into access_matrix.py by the integrator)."""

from wegweiser.testing import Route


def _person(world):
    from wegweiser.guidebook.models import ContactPerson

    person = ContactPerson.objects.with_consent().filter(organization=world.organization).first()
    return {"slug": "musterstadt", "organization": world.organization.pk, "person": person.pk}


# Internal downloads: any role in Musterstadt (state coordinators via the state) may fetch them;
# the platform admin holds no role there.
MEMBERS_ONLY = {"anonymous": 302, "outsider": 404, "foreign_state": 404, "admin": 404}

ROUTES = [
    Route("guidebook_exports:pdf", public=True, kwargs={"slug": "musterstadt"}),
    Route(
        "guidebook_exports:pdf_internal",
        kwargs={"slug": "musterstadt"},
        expect=MEMBERS_ONLY,
    ),
    Route("guidebook_exports:hsds", public=True, kwargs={"slug": "musterstadt"}),
    Route(
        "guidebook_exports:organization_vcard",
        public=True,
        kwargs=lambda w: {"slug": "musterstadt", "organization": w.organization.pk},
    ),
    Route("guidebook_exports:person_vcard", kwargs=_person, expect=MEMBERS_ONLY),
    Route("api:list_actor_types", public=True),
    Route("api:get_guidebook", public=True, kwargs={"slug": "musterstadt"}),
    Route(
        "api:get_guidebook_organization",
        public=True,
        kwargs=lambda w: {"slug": "musterstadt", "organization_id": w.organization.pk},
    ),
    Route("api:export_guidebook_hsds", public=True, kwargs={"slug": "musterstadt"}),
    # Import: coordinators only; an empty body is rejected with a report (400), never written.
    Route(
        "api:import_guidebook_hsds",
        kwargs={"slug": "musterstadt"},
        method="post",
        expect={
            "anonymous": 401,
            "outsider": 404,
            "foreign_state": 404,
            "admin": 404,
            "member": 403,
            "counsellor": 403,
            "state_coordinator": 403,
            "coordinator": 400,
        },
    ),
]
