from django.urls import path

from .views import cases, sharing, stats

app_name = "cases"

CASE = "cases/<uuid:case>/"

urlpatterns = [
    path("cases/", cases.case_list, name="list"),
    path("cases/new/", cases.case_create, name="create"),
    path(CASE, cases.case_detail, name="detail"),
    path(CASE + "edit/", cases.case_edit, name="edit"),
    path(CASE + "status/", cases.case_status, name="status"),
    path(CASE + "erase/", cases.case_erase, name="erase"),
    path(CASE + "indicators/", cases.indicators, name="indicators"),
    path(CASE + "consents/", cases.consent_add, name="consent_add"),
    path(
        CASE + "consents/<uuid:consent>/withdraw/",
        cases.consent_withdraw,
        name="consent_withdraw",
    ),
    path(CASE + "tasks/", cases.task_add, name="task_add"),
    path(CASE + "tasks/<uuid:task>/toggle/", cases.task_toggle, name="task_toggle"),
    path(CASE + "worktime/", cases.worktime_import, name="worktime_import"),
    path(CASE + "worktime/<uuid:evidence>/letter/", cases.claim_letter, name="claim_letter"),
    path(CASE + "audit/", cases.audit_log, name="audit"),
    path(CASE + "documents/", cases.document_upload, name="document_upload"),
    path(CASE + "documents/<uuid:document>/", cases.document_download, name="document_download"),
    path(CASE + "referrals/new/", sharing.referral_create, name="referral_create"),
    path(
        CASE + "referrals/<uuid:referral>/withdraw/",
        sharing.referral_withdraw,
        name="referral_withdraw",
    ),
    path("cases/referrals/<uuid:referral>/", sharing.referral_incoming, name="referral_incoming"),
    path(
        "cases/referrals/<uuid:referral>/<slug:action>/",
        sharing.referral_respond,
        name="referral_respond",
    ),
    path(CASE + "briefs/new/", sharing.brief_create, name="brief_create"),
    path("cases/briefs/<uuid:brief>/", sharing.brief_detail, name="brief"),
    path("cases/office/<uuid:organization>/", stats.office_settings, name="office"),
    path("cases/statistics/<str:scope>/<int:year>/", stats.statistics_page, name="statistics"),
    path(
        "cases/statistics/<str:scope>/<int:year>/csv/", stats.statistics_csv, name="statistics_csv"
    ),
]
