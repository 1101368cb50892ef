"""Every URL of the states app × persona."""

from wegweiser.testing import Route

RP = {"state": "rheinland-pfalz"}
# Members of Rheinland-Pfalz's networks (Musterstadt's roles and Beispielstadt's coordinator, the
# "outsider") may read the state's shared pages but not act for the state: 403. Hessen's
# coordinator and the platform admin are outsiders of the state: 404 (the default).
RP_MEMBERS = {p: 403 for p in ("coordinator", "member", "counsellor", "outsider", "state_member")}
STATE_COORDINATOR_ONLY = {"anonymous": 302, "state_coordinator": 200, **RP_MEMBERS}


def _state_actor(world):
    from wegweiser.guidebook.models import Organization

    return Organization.objects.get(name="Landeskriminalamt Rheinland-Pfalz")


def _state_item(world):
    organization = _state_actor(world)
    item = organization.mandate_items.order_by("order").first()
    return {**RP, "pk": organization.pk, "item": item.pk}


ROUTES = [
    Route("states:state_page", public=True, kwargs=RP),
    Route("states:coverage", kwargs=RP, default=404, expect=STATE_COORDINATOR_ONLY),
    Route("states:coverage_csv", kwargs=RP, default=404, expect=STATE_COORDINATOR_ONLY),
    Route("states:rollout", kwargs=RP, default=404, expect=STATE_COORDINATOR_ONLY),
    Route("states:actors", kwargs=RP, default=404, expect=STATE_COORDINATOR_ONLY),
    Route(
        "states:actors",
        kwargs=RP,
        method="post",
        data={"name": ""},
        default=404,
        expect={"anonymous": 302, "state_coordinator": 400, **RP_MEMBERS},
    ),
    Route(
        "states:actor_publish",
        kwargs={**RP, "pk": "00000000-0000-0000-0000-000000000001"},
        method="post",
        default=404,
        expect={"anonymous": 302, **RP_MEMBERS},
    ),
    # The state guidebook: state-wide actors and the template of municipal entries.
    Route(
        "states:actor",
        kwargs=lambda w: {**RP, "pk": _state_actor(w).pk},
        default=404,
        expect=STATE_COORDINATOR_ONLY,
    ),
    Route(
        "states:actor",
        kwargs=lambda w: {**RP, "pk": _state_actor(w).pk},
        method="post",
        data={"name": ""},
        default=404,
        expect={"anonymous": 302, "state_coordinator": 400, **RP_MEMBERS},
    ),
    Route("states:template", kwargs=RP, default=404, expect=STATE_COORDINATOR_ONLY),
    Route(
        "states:template_type",
        kwargs={**RP, "key": "jobcenter"},
        default=404,
        expect=STATE_COORDINATOR_ONLY,
    ),
    # Adapting a template is idempotent; the POST answers with the page it leads to.
    Route(
        "states:template_type",
        kwargs={**RP, "key": "jobcenter"},
        method="post",
        default=404,
        expect={"anonymous": 302, "state_coordinator": 302, **RP_MEMBERS},
    ),
    Route(
        "states:entry_mandate_new",
        kwargs=lambda w: {**RP, "pk": _state_actor(w).pk},
        default=404,
        expect=STATE_COORDINATOR_ONLY,
    ),
    Route(
        "states:entry_mandate_new",
        kwargs=lambda w: {**RP, "pk": _state_actor(w).pk},
        method="post",
        data={"text": ""},
        default=404,
        expect={"anonymous": 302, "state_coordinator": 400, **RP_MEMBERS},
    ),
    Route(
        "states:entry_mandate_item",
        kwargs=lambda w: _state_item(w),
        default=404,
        expect=STATE_COORDINATOR_ONLY,
    ),
    # Removing is tested with the unknown item only: the matrix must not change the demo.
    Route(
        "states:entry_mandate_delete",
        kwargs=lambda w: {**_state_item(w), "item": "00000000-0000-0000-0000-000000000001"},
        method="post",
        default=404,
        expect={"anonymous": 302, **RP_MEMBERS},
    ),
    # Members of any network of the state search across its guidebooks; outsiders of it get 404
    # (the "outsider" persona coordinates Beispielstadt, which lies in Rheinland-Pfalz too).
    Route(
        "states:search",
        kwargs=RP,
        query="?language=de&need=wages_unpaid",
        expect={
            "anonymous": 302,
            "outsider": 200,
            "foreign_state": 404,
            "admin": 404,
            # A member of the state round table is a network member of the state.
            "state_member": 200,
        },
    ),
    # The demo's state round table exists: its coordinator is led to it, nothing is created.
    Route(
        "states:round_table_start",
        kwargs=RP,
        method="post",
        default=404,
        expect={"anonymous": 302, "state_coordinator": 302, **RP_MEMBERS},
    ),
    Route(
        "states:invite_coordinator",
        kwargs={**RP, "slug": "beispielstadt"},
        default=404,
        expect=STATE_COORDINATOR_ONLY,
    ),
    # Musterstadt lies in Rheinland-Pfalz, not in Hessen: 404 even for Hessen's coordinator.
    Route(
        "states:invite_coordinator",
        kwargs={"state": "hessen", "slug": "musterstadt"},
        default=404,
        expect={"anonymous": 302},
    ),
    Route(
        "states:invite_coordinator",
        kwargs={**RP, "slug": "beispielstadt"},
        method="post",
        data={"email": "not-an-address"},
        default=404,
        expect={"anonymous": 302, "state_coordinator": 400, **RP_MEMBERS},
    ),
    # A key of another state: the form refuses it and nothing is created.
    Route(
        "states:rollout",
        kwargs=RP,
        method="post",
        data={"ags": "06411000"},
        default=404,
        expect={"anonymous": 302, "state_coordinator": 400, **RP_MEMBERS},
    ),
]


# --- HSDS 3.0 API (wegweiser/api/hsds.py): public data, the same for everyone ----------------------


def _musterstadt_organization(world):
    from wegweiser.guidebook.models import Organization

    organization = Organization.objects.published().filter(municipalities__slug="musterstadt")
    return organization.order_by("name").first()


def org_kwargs(world, place=False):
    kwargs = {"state": "rheinland-pfalz", "id": _musterstadt_organization(world).pk}
    return {**kwargs, "municipality": "musterstadt"} if place else kwargs


def service_kwargs(world, place=False):
    from wegweiser.guidebook.exports.hsds import derived_id

    kwargs = org_kwargs(world, place)
    return {**kwargs, "id": derived_id("service", str(kwargs["id"]))}


MS = {**RP, "municipality": "musterstadt"}
ROUTES += [
    Route("api:hsds_meta", public=True, kwargs=RP),
    Route("api:hsds_m_meta", public=True, kwargs=MS),
    Route("api:hsds_organizations", public=True, kwargs=RP),
    Route("api:hsds_m_organizations", public=True, kwargs=MS),
    Route("api:hsds_organization", public=True, kwargs=org_kwargs),
    Route("api:hsds_m_organization", public=True, kwargs=lambda w: org_kwargs(w, place=True)),
    Route("api:hsds_services", public=True, kwargs=RP),
    Route("api:hsds_m_services", public=True, kwargs=MS),
    Route("api:hsds_service", public=True, kwargs=service_kwargs),
    Route("api:hsds_m_service", public=True, kwargs=lambda w: service_kwargs(w, place=True)),
]
