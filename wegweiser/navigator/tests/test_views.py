"""Request tests of the navigator pages: selection parsing, 400s, contact persons, PDF, queries."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegweiser.core.models import Municipality
from wegweiser.guidebook.models import Need

PRO = "/de/m/musterstadt/navigator/"


def translation_of(text: str, language: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(text)


HELP = "/{lang}/m/musterstadt/help/"
SHEET = "/de/m/musterstadt/navigator/sheet/"
DEMO_CONTACT = "Ana Popescu"


def test_professional_mode_lists_orgs_in_order(client, world):
    response = client.get(PRO, {"needs": ["wages_unpaid", "documents_withheld"]})
    assert response.status_code == 200
    html = response.content.decode()
    union = html.index("Beratungsstelle Faire Arbeit Musterstadt")
    police = html.index("Polizeipräsidium Musterstadt")
    assert union < html.index("Hauptzollamt Musterstadt") < police
    assert "Bedenk- und Stabilisierungsfrist" in html  # reflection period notice
    assert f"/de/m/musterstadt/guidebook/{world.counselling.pk}/" in html
    # the form keeps the ticked boxes
    assert 'value="wages_unpaid" id="need-wages_unpaid" checked' in html


def test_professional_mode_in_english(client, world):
    response = client.get("/en/m/musterstadt/navigator/", {"needs": "wages_unpaid"})
    html = response.content.decode()
    assert "organisations to involve" in html
    assert "Wages unpaid or below the minimum wage" in html


def test_comma_separated_and_repeated_keys_are_the_same(client, world):
    a = client.get(PRO, {"needs": "wages_unpaid,debts"}).content
    b = client.get(PRO, {"needs": ["debts", "wages_unpaid"]}).content
    assert a.count(b"recommendation kern-card") == b.count(b"recommendation kern-card") > 0


@pytest.mark.parametrize(
    "query",
    [
        "?needs=nonsense",
        "?needs=wages_unpaid,nonsense",
        "?needs=%3Cscript%3E",
        "?needs=" + "a" * 80,
        "?needs=" + ",".join(f"k{i}" for i in range(50)),
        "?needs=wages%00unpaid",
    ],
)
@pytest.mark.parametrize("path", [PRO, HELP.format(lang="ro"), SHEET])
def test_bad_selections_answer_400_with_a_message(client, world, path, query):
    response = client.get(path + query)
    assert response.status_code == 400
    assert b"kern-alert--danger" in response.content
    assert b"<script>" not in response.content


def test_unknown_key_is_named_in_the_message(client, world):
    response = client.get(PRO + "?needs=wages_unpaid,made_up_need")
    assert response.status_code == 400
    assert "made_up_need" in response.content.decode()


def test_unknown_municipality_is_404(client, world):
    assert client.get("/de/m/nowhere/navigator/").status_code == 404
    assert client.get("/de/m/nowhere/help/").status_code == 404


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("foreign_state", False),
        ("member", True),
        ("coordinator", True),
        ("counsellor", True),
        ("state_coordinator", True),
    ],
)
def test_contact_persons_only_for_members(client_as, persona, sees):
    client = client_as(persona)
    html = client.get(PRO, {"needs": "wages_unpaid"}).content.decode()
    assert (DEMO_CONTACT in html) is sees
    api = client.get("/api/v1/municipalities/musterstadt/navigator?needs=wages_unpaid")
    assert (DEMO_CONTACT in api.content.decode()) is sees


def test_withdrawn_consent_hides_the_contact_person(client_as, world):
    from django.utils import timezone

    from wegweiser.guidebook.models import ContactPerson

    ContactPerson.objects.filter(name=DEMO_CONTACT).update(
        consent_withdrawn_at=timezone.localdate()
    )
    html = client_as("member").get(PRO, {"needs": "wages_unpaid"}).content.decode()
    assert DEMO_CONTACT not in html
    assert "Jonas Jobcenter" in html


def test_result_page_query_count_is_bounded(client_as, world, django_assert_max_num_queries):
    client = client_as("member")
    every_need = ",".join(
        [
            "wages_unpaid",
            "excessive_hours",
            "documents_withheld",
            "debts",
            "housing_tied_to_job",
            "no_money_food",
            "injured_ill_uninsured",
            "residence_status",
            "leave_job",
            "report_police",
            "children_affected",
        ]
    )
    # 17 for the result (kinds of actor and needs are prefetched, shared by all rows), 6 for the
    # guidebook's fingerprint (cold; navigator/cache.py's key).
    with django_assert_max_num_queries(23):
        response = client.get(PRO, {"needs": every_need})
    assert response.content.count(b"recommendation kern-card") >= 14


def test_query_count_does_not_grow_with_the_result(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PRO)  # the guidebook's fingerprint is computed once, then cached
    counts = []
    for needs in ("debts", "wages_unpaid,documents_withheld,residence_status,leave_job"):
        with CaptureQueriesContext(connection) as context:
            client.get(PRO, {"needs": needs})
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


def test_help_query_count_is_bounded(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(HELP.format(lang="ro"), {"needs": "wages_unpaid,debts"})
    assert response.status_code == 200


def test_simple_mode_shows_services_speaking_the_language_first(client, world):
    html = client.get(HELP.format(lang="hu")).content.decode()
    # Only the union counselling speaks Hungarian in Musterstadt.
    assert html.index("Beratungsstelle Faire Arbeit") < html.index("Arbeit und Würde")
    assert 'href="tel:+4930231251' in html
    assert "Mo–Do 9–16 Uhr" in html  # opening hours of a location
    html = client.get(HELP.format(lang="ro")).content.decode()
    assert html.index("Arbeit und Würde") < html.index("Beratungsstelle Faire Arbeit")
    # authorities are not shown to workers here, only counselling services
    assert "Polizeipräsidium" not in html and "Jobcenter" not in html


def test_simple_mode_sets_no_cookie_and_is_get_only(client, world):
    response = client.get(HELP.format(lang="ar"), {"needs": "threats_violence"})
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
    assert "sessionid" not in response.cookies
    assert client.post(HELP.format(lang="ar")).status_code == 405


def test_simple_mode_in_every_worker_language(client, world):
    from django.conf import settings as django_settings

    for code, _name in django_settings.LANGUAGES:
        response = client.get(HELP.format(lang=code), {"needs": "wages_unpaid"})
        assert response.status_code == 200
        html = response.content.decode()
        assert f'lang="{code}"' in html
        assert Need.objects.get(key="wages_unpaid").plain[code] in html
        assert translation_of("Get help", code) in html
        if code != "en":
            assert translation_of("Get help", code) != "Get help"


def test_municipality_page_links_to_help_and_navigator(client, world):
    html = client.get("/ro/m/musterstadt/").content.decode()
    assert 'href="/ro/m/musterstadt/help/"' in html
    # professional pages are German/English: linked explicitly in German, not mixed into Romanian
    assert 'hreflang="de" href="/de/m/musterstadt/navigator/"' in html


def test_referral_sheet_page_and_pdf(client, world):
    response = client.get(SHEET, {"needs": "wages_unpaid,documents_withheld"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "data:image/svg+xml;base64," in html  # QR code
    assert "Fachberatungsstelle Arbeit und Würde" in html
    response = client.post(
        SHEET,
        {"needs": "wages_unpaid,documents_withheld", "recipient": "Frau M.", "notes": "Termin Di"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )


def test_referral_sheet_keeps_nothing(client, world, caplog):
    from django.apps import apps

    before = {model: model.objects.count() for model in apps.get_models()}
    client.post(SHEET, {"needs": "debts", "notes": "Sehr persönliche Notiz 4711"})
    after = {model: model.objects.count() for model in apps.get_models()}
    assert before == after
    assert "4711" not in caplog.text


def test_referral_sheet_pdf_in_arabic(client, world):
    response = client.post("/ar/m/musterstadt/navigator/sheet/", {"needs": "debts"})
    assert response.content.startswith(b"%PDF")


def test_referral_sheet_without_selection_is_400(client, world):
    assert client.get(SHEET).status_code == 400
    assert client.post(SHEET, {"needs": "nope"}).status_code == 400


def test_indicator_check_explains_rule_and_links_to_navigator(client, world):
    ticked = [
        "deceived_nature_of_job",
        "deceived_wages",
        "excessive_working_days_hours",
        "low_or_no_salary",
        "confiscation_of_documents",
        "debt_bondage",
    ]
    response = client.get("/de/m/musterstadt/indicators/", {"indicators": ticked})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anhaltspunkte für möglichen Menschenhandel" in html or "possible trafficking" in html
    link = reverse("navigator:professional", kwargs={"slug": "musterstadt"})
    assert f"{link}?needs=" in html
    assert "documents_withheld" in html.split(f"{link}?needs=")[1].split('"')[0]


def test_indicator_check_not_met(client, world):
    response = client.get("/en/indicators/", {"indicators": ["deceived_nature_of_job"]})
    html = response.content.decode()
    assert "The combination rule for trafficking is not met." in html
    for municipality in Municipality.objects.all():
        assert f"/en/m/{municipality.slug}/navigator/?needs=leave_job" in html


@pytest.mark.parametrize("query", ["?indicators=nope", "?indicators=%3Cb%3E", "?indicators=x,,y!"])
def test_indicator_check_bad_input_is_400(client, world, query):
    assert client.get("/de/indicators/" + query).status_code == 400


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=120))
def test_any_query_string_answers_200_or_400(client, world, value):
    for path in (PRO, HELP.format(lang="de"), "/de/indicators/"):
        param = "indicators" if "indicators" in path else "needs"
        response = client.get(path, {param: value})
        assert response.status_code in (200, 400)
    response = client.get("/api/v1/municipalities/musterstadt/navigator", {"needs": value})
    assert response.status_code in (200, 400)


def test_referral_sheet_in_a_worker_language(client, world):
    html = client.get(
        "/ro/m/musterstadt/navigator/sheet/", {"needs": "residence_status,debts"}
    ).content.decode()
    assert "perioadă de reflecție" in html  # notice text from policy.json in Romanian
    assert 'lang="ro" dir="ltr">Statut de ședere' in html
    # plain wording of the needs for the person, mandate texts in German with lang="de"
    assert Need.objects.get(key="debts").plain["ro"] in html
    assert 'lang="de" dir="ltr">Sie beraten' in html
