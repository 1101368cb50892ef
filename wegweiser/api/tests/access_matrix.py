from wegweiser.testing import Route

ROUTES = [
    Route("api:openapi-json", public=True),
    Route("api:api-root", public=True, default=404),
    Route("api:list_municipalities", public=True),
    Route("api:get_municipality", public=True, kwargs={"slug": "musterstadt"}),
    Route(
        "api:me",
        expect={"anonymous": 401, "outsider": 200, "foreign_state": 200, "state_member": 200},
    ),
]
ROUTES += [
    Route("api:list_needs", public=True),
    Route(
        "api:navigator",
        public=True,
        kwargs={"slug": "musterstadt"},
        query="?needs=wages_unpaid,documents_withheld",
    ),
]
