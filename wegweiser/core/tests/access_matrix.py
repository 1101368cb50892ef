from wegweiser.testing import Route

ROUTES = [
    Route("core:home", public=True),
    Route("core:municipality", public=True, kwargs={"slug": "musterstadt"}),
    Route("core:imprint", public=True),
    Route("core:privacy", public=True),
    Route("core:accessibility", public=True),
    Route("healthz", public=True),
    # Only state coordinators of Rheinland-Pfalz may start a municipality there.
    Route(
        "core:municipality_create",
        kwargs={"state": "rheinland-pfalz"},
        default=404,
        expect={"anonymous": 302, "state_coordinator": 200},
    ),
    # Every account has a dashboard; it shows only what the memberships allow.
    Route("core:dashboard", expect={"anonymous": 302, "outsider": 200, "foreign_state": 200}),
]
