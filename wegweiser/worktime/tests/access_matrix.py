from wegweiser.testing import Route

ROUTES = [
    # The calendar, its worker, manifest and schema are public: they hold no data of anyone.
    Route("worktime:app", public=True),
    Route("worktime:service_worker", public=True),
    Route("worktime:manifest", public=True),
    Route("worktime:schema", public=True),
    Route("worktime:paper", public=True),
    # Review: login required; any active membership may use it (nothing is stored), so the
    # outsider (coordinator elsewhere) and state coordinators may too. The platform admin has no
    # membership: 403.
    Route(
        "worktime:review",
        expect={
            "anonymous": 302,
            "outsider": 200,
            "foreign_state": 200,
            "state_member": 200,
            "admin": 403,
        },
    ),
    # Public API: counselling contacts (published data only) and the report (nothing stored).
    Route("api:worktime_counselling", public=True, query="?municipality=musterstadt&lang=ro"),
    # An empty form post is not an export: 400 for everyone (test_views.py posts real files).
    Route("api:worktime_report", public=True, method="post", default=400),
]
