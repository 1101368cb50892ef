from wegweiser.testing import Route

LOGGED_IN = {"outsider": 200, "foreign_state": 200, "state_member": 200}
# The log of reads of Musterstadt's internal data: its coordinators; other roles there read only.
COORDINATOR_ONLY = {
    "coordinator": 200,
    "member": 403,
    "counsellor": 403,
    "state_coordinator": 403,
    "admin": 404,
}

ROUTES = [
    # A logged-in user is sent on from the login page.
    Route(
        "accounts:login",
        public=True,
        expect={
            p: 302
            for p in [
                "coordinator",
                "member",
                "counsellor",
                "outsider",
                "state_coordinator",
                "foreign_state",
                "state_member",
                "admin",
            ]
        },
    ),
    Route("accounts:logout", public=True, method="post", default=200),
    # Verified users are sent on to the dashboard; anonymous users to the login page.
    # Members may enrol a second factor voluntarily; others are verified already.
    Route(
        "accounts:two_factor", public=True, default=302, expect={"member": 200, "state_member": 200}
    ),
    Route("accounts:profile", expect={"anonymous": 302, **LOGGED_IN}),
    Route(
        "accounts:token_create",
        method="post",
        data={"name": "x"},
        default=302,
        expect={"anonymous": 302, "outsider": 302, "foreign_state": 302, "state_member": 302},
    ),
    Route(
        "accounts:token_revoke",
        method="post",
        kwargs={"prefix": "ww_none"},
        default=302,
        expect={"anonymous": 302, "outsider": 302, "foreign_state": 302, "state_member": 302},
    ),
    Route("accounts:personal_data", expect={"anonymous": 302, **LOGGED_IN}),
    Route("accounts:delete", expect={"anonymous": 302, **LOGGED_IN}),
    # A wrong password deletes nothing (400); the real deletion is tested in test_personal_data.
    Route(
        "accounts:delete",
        method="post",
        data={"password": "wrong"},
        default=400,
        expect={"anonymous": 302, **{p: 400 for p in LOGGED_IN}},
    ),
    Route("accounts:password_reset", public=True),
    Route("accounts:password_reset_done", public=True),
    Route("accounts:password_reset_confirm", public=True, kwargs={"uidb64": "x", "token": "y"}),
    Route("accounts:password_reset_complete", public=True),
    Route("accounts:reads", kwargs={"slug": "musterstadt"}, expect=COORDINATOR_ONLY),
    Route("accounts:reads_csv", kwargs={"slug": "musterstadt"}, expect=COORDINATOR_ONLY),
]
