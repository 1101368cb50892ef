from wegweiser.testing import Route

ROUTES = [
    Route("core:home", public=True),
    Route("core:municipality", public=True, kwargs={"slug": "musterstadt"}),
    Route("core:imprint", public=True),
    Route("core:privacy", public=True),
    Route("core:accessibility", public=True),
    Route("healthz", public=True),
    # Every account has a dashboard; it shows only what the memberships allow.
    Route(
        "core:dashboard",
        expect={"anonymous": 302, "outsider": 200, "foreign_state": 200, "state_member": 200},
    ),
]
