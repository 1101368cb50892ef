"""Every case URL and API route × persona. Only the owning counsellors (persona "counsellor",
Fachberatungsstelle Arbeit und Würde) get in; everyone else 404, anonymous the login redirect
(pages) or 401 (API). Cases come from the demo (cases/demo.py)."""

import uuid

from wegweiser.testing import Route

RANDOM = str(uuid.UUID(int=7))
# Pages: only the counsellor; everybody else (also anonymous on POST-only views) is denied.
OWNER = {
    "anonymous": 302,
    "coordinator": 404,
    "member": 404,
    "counsellor": 200,
    "outsider": 404,
    "state_coordinator": 404,
    "foreign_state": 404,
    "admin": 404,
}
OWNER_POST = {**OWNER, "counsellor": 302}
NOBODY = {**OWNER, "counsellor": 404}
API = {**OWNER, "anonymous": 401}


def case_kwargs(code="MS-2026-001", **extra):
    def build(world):
        from wegweiser.cases.models import Case

        return {"case": Case.objects.get(code=code).pk, **extra}

    return build


def evidence_kwargs(world):
    from wegweiser.cases.models import Case

    case = Case.objects.get(code="MS-2026-001")
    return {"case": case.pk, "evidence": case.worktime.first().pk}


def document_kwargs(world):
    from wegweiser.cases.models import Case

    case = Case.objects.get(code="MS-2026-001")
    return {"case": case.pk, "document": case.documents.first().pk}


def consent_kwargs(world):
    from wegweiser.cases.models import Case

    case = Case.objects.get(code="MS-2026-001")
    return {"case": case.pk, "consent": case.consents.filter(withdrawn_on=None).first().pk}


def open_referral(world):
    from wegweiser.cases.models import Referral

    return {"referral": Referral.objects.get(case__code="MS-2026-003").pk}


def brief_kwargs(world):
    from wegweiser.cases.models import Brief

    return {"brief": Brief.objects.get(case__code="MS-2026-014").pk}


def org_scope(world):
    return {"scope": f"o-{world.counselling.pk}", "year": 2026}


def api_case(world):
    from wegweiser.cases.models import Case

    return {"case_id": Case.objects.get(code="MS-2026-001").pk}


ROUTES = [
    Route("cases:list", expect=OWNER),
    Route("cases:create", expect=OWNER),
    Route("cases:detail", kwargs=case_kwargs(), expect=OWNER),
    Route("cases:edit", kwargs=case_kwargs(), expect=OWNER),
    Route("cases:status", kwargs=case_kwargs(), method="post", expect=OWNER_POST),
    Route("cases:erase", kwargs=case_kwargs(), method="post", expect=OWNER_POST),
    Route("cases:indicators", kwargs=case_kwargs(), expect=OWNER),
    Route(
        "cases:consent_add",
        kwargs=case_kwargs(),
        method="post",
        data={"purpose": "statistics", "given_on": "2026-01-05", "given_how": "orally"},
        expect=OWNER_POST,
    ),
    Route(
        "cases:consent_withdraw",
        kwargs=consent_kwargs,
        method="post",
        data={"withdrawn_on": "2026-01-05", "withdrawn_how": "orally"},
        expect=OWNER_POST,
    ),
    Route("cases:task_add", kwargs=case_kwargs(), method="post", expect=OWNER_POST),
    Route(
        "cases:task_toggle",
        kwargs=case_kwargs(task=RANDOM),
        method="post",
        expect=NOBODY,
    ),
    Route("cases:worktime_import", kwargs=case_kwargs(), method="post", expect=OWNER_POST),
    Route("cases:claim_letter", kwargs=evidence_kwargs, expect=OWNER),
    Route("cases:audit", kwargs=case_kwargs(), expect=OWNER),
    Route("cases:document_upload", kwargs=case_kwargs(), method="post", expect=OWNER_POST),
    Route("cases:document_download", kwargs=document_kwargs, expect=OWNER),
    Route("cases:referral_create", kwargs=case_kwargs(), expect=OWNER),
    Route(
        "cases:referral_withdraw",
        kwargs=case_kwargs(referral=RANDOM),
        method="post",
        expect=NOBODY,
    ),
    # The receiving organisation (not a persona) sees it; the sender works on the case page.
    Route("cases:referral_incoming", kwargs=open_referral, expect=NOBODY),
    Route(
        "cases:referral_respond",
        kwargs=lambda world: {**open_referral(world), "action": "accept"},
        method="post",
        expect=NOBODY,
    ),
    Route("cases:brief_create", kwargs=case_kwargs("MS-2026-014"), expect=OWNER),
    Route("cases:brief", kwargs=brief_kwargs, expect=OWNER),
    Route(
        "cases:office", kwargs=lambda world: {"organization": world.counselling.pk}, expect=OWNER
    ),
    Route("cases:statistics", kwargs=org_scope, expect=OWNER),
    Route("cases:statistics_csv", kwargs=org_scope, expect=OWNER),
    Route(
        "cases:statistics",
        kwargs={"scope": "s-07", "year": 2026},
        expect={**NOBODY, "state_coordinator": 200},
    ),
    Route(
        "cases:statistics_csv",
        kwargs={"scope": "s-07", "year": 2026},
        expect={**NOBODY, "state_coordinator": 200},
    ),
    Route("api:cases_list", expect=API),
    Route("api:cases_detail", kwargs=api_case, expect=API),
    Route(
        "api:cases_update",
        kwargs=api_case,
        method="post",
        data={},
        expect={**API, "counsellor": 400},
    ),
]
