"""The case record: list, new, detail, edit, indicators, consent, tasks, work-time, letter, audit.

Every view reaches the case through access.get_case_for_user (404 for everyone but the owning
counsellors) and writes through services.py. Reads of a case are audited.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from wegweiser.accounts.access import active_memberships
from wegweiser.accounts.http import AuthenticatedHttpRequest
from wegweiser.accounts.models import Role
from wegweiser.guidebook.models import Organization

from .. import selectors, services
from ..access import (
    cases_visible_to,
    counselling_organizations,
    get_case_for_user,
    incoming_referrals_for,
    is_lead,
)
from ..choices import ConsentPurpose
from ..forms import (
    CaseForm,
    ConsentForm,
    DocumentForm,
    IndicatorForm,
    LetterForm,
    NewCaseForm,
    TaskForm,
    UploadForm,
    WithdrawConsentForm,
)
from ..models import CaseTask, Consent


def _require_counsellor(request: AuthenticatedHttpRequest) -> None:
    if not counselling_organizations(request.user):
        raise Http404


def evidence_totals(item) -> dict:
    from wegweiser.worktime.services import report_view

    view = report_view(item.report)
    return {**view["totals"], "period_from": view["period_from"], "period_to": view["period_to"]}


def case_url(case) -> str:
    from django.urls import reverse

    return reverse("cases:detail", kwargs={"case": case.pk})


@login_required
@require_safe
def case_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_counsellor(request)
    query = request.GET.get("q", "")
    status = request.GET.get("status", "")
    cases = selectors.search_cases(cases_visible_to(request.user), query, status)
    return render(
        request,
        "cases/list.html",
        {
            "cases": cases[:200],
            "query": query,
            "status": status,
            "incoming": incoming_referrals_for(request.user).select_related(
                "case__organization", "to_organization"
            ),
            "lead_of": [
                organization
                for organization in Organization.objects.filter(
                    pk__in=counselling_organizations(request.user)
                )
                if is_lead(request.user, organization)
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_counsellor(request)
    memberships = [
        m
        for m in active_memberships(request.user)
        if m.role == Role.COUNSELLOR and m.organization_id and m.municipality_id
    ]
    form = NewCaseForm(request.POST or None, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        membership = form.membership()
        case = services.create_case(
            organization=membership.organization,
            municipality=membership.municipality,
            user=request.user,
            data=form.data_for_service(),
            needs=form.cleaned_data["needs"],
        )
        messages.success(request, _("Case %(code)s created.") % {"code": case.code})
        return redirect(case_url(case))
    return render(request, "cases/form.html", {"form": form, "case": None})


@login_required
@require_safe
def case_detail(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    services.audit(case, request.user, "read")
    recipients = selectors.referral_targets(case)
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "needs": case.needs.all(),
            "consents": case.consents.select_related("recipient"),
            "tasks": case.tasks.all(),
            "referrals": case.referrals.select_related("to_organization"),
            "evidence": [(item, evidence_totals(item)) for item in case.worktime.all()],
            "briefs": case.briefs.select_related("meeting"),
            "indicator_summary": selectors.indicator_summary(case),
            "consent_form": ConsentForm(recipients=recipients),
            "withdraw_form": WithdrawConsentForm(),
            "task_form": TaskForm(),
            "upload_form": UploadForm(),
            "document_form": DocumentForm(prefix="document"),
            "documents": case.documents.all(),
            "is_lead": is_lead(request.user, case.organization),
            "purposes": ConsentPurpose,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    form = CaseForm(request.POST or None, instance=case)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.update_case(
                case,
                user=request.user,
                data=form.data_for_service(),
                version=form.cleaned_data["version"] or 0,
                needs=form.cleaned_data["needs"],
            )
        except services.EditConflict as conflict:
            form.add_error(None, conflict.message)
            status = 409
        else:
            messages.success(request, _("Case saved."))
            return redirect(case_url(case))
    elif request.method == "GET":
        services.audit(case, request.user, "read", "edit form")
    return render(request, "cases/form.html", {"form": form, "case": case}, status=status)


@login_required
@require_POST
def case_status(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    close = request.POST.get("action") == "close"
    services.set_status(case, user=request.user, closed=close)
    messages.success(request, _("Case closed.") if close else _("Case reopened."))
    return redirect(case_url(case))


@login_required
@require_http_methods(["GET", "POST"])
def indicators(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    from wegweiser.navigator.services import indicator_data

    case = get_case_for_user(request, case)
    data = indicator_data()
    language = "en" if get_language() == "en" else "de"
    ticked = (case.indicator_check or {}).get("ticked", [])
    form = IndicatorForm(
        request.POST or None, data_file=data, language=language, initial_keys=ticked
    )
    if request.method == "POST" and form.is_valid():
        result = services.record_indicator_check(case, user=request.user, ticked=form.ticked())
        if result["overall"]:
            messages.warning(
                request,
                _("Indications of possible trafficking for labour exploitation in every group."),
            )
        else:
            messages.success(request, _("Indicator check saved."))
        return redirect(case_url(case))
    return render(
        request,
        "cases/indicators.html",
        {"case": case, "form": form, "disclaimer": data.get("disclaimer", {}).get(language, "")},
    )


@login_required
@require_POST
def consent_add(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    form = ConsentForm(request.POST, recipients=selectors.referral_targets(case))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return redirect(case_url(case) + "#consent")
    services.add_consent(case, user=request.user, **form.cleaned_data)
    messages.success(request, _("Consent recorded."))
    return redirect(case_url(case) + "#consent")


@login_required
@require_POST
def consent_withdraw(request: AuthenticatedHttpRequest, case, consent) -> HttpResponse:
    case = get_case_for_user(request, case)
    record = get_object_or_404(Consent, case=case, pk=consent)
    form = WithdrawConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the date and how the consent was withdrawn."))
        return redirect(case_url(case) + "#consent")
    try:
        services.withdraw_consent(record, user=request.user, **form.cleaned_data)
    except services.CaseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Withdrawal recorded."))
    return redirect(case_url(case) + "#consent")


@login_required
@require_POST
def task_add(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    form = TaskForm(request.POST)
    if form.is_valid():
        services.add_task(case, user=request.user, **form.cleaned_data)
        messages.success(request, _("Task added."))
    else:
        messages.error(request, _("Enter a task."))
    return redirect(case_url(case) + "#tasks")


@login_required
@require_POST
def task_toggle(request: AuthenticatedHttpRequest, case, task) -> HttpResponse:
    case = get_case_for_user(request, case)
    record = get_object_or_404(CaseTask, case=case, pk=task)
    services.complete_task(record, user=request.user)
    return redirect(case_url(case) + "#tasks")


@login_required
@require_POST
def worktime_import(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the work-time file to import."))
        return redirect(case_url(case) + "#worktime")
    upload = form.cleaned_data["file"]
    if upload.size > 5 * 1024 * 1024:
        messages.error(request, _("The file is too large."))
        return redirect(case_url(case) + "#worktime")
    try:
        services.import_worktime(case, user=request.user, raw=upload.read())
    except services.CaseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Work-time file imported; the report was computed again."))
    return redirect(case_url(case) + "#worktime")


@login_required
@require_http_methods(["GET", "POST"])
def claim_letter(request: AuthenticatedHttpRequest, case, evidence) -> HttpResponse:
    from .. import letters

    case = get_case_for_user(request, case)
    record = case.worktime.filter(pk=evidence).first()
    if record is None:
        raise Http404
    form = LetterForm(request.POST or None, initial={"worker_name": case.person_name})
    if request.method == "POST" and form.is_valid():
        if request.POST.get("format") == "odt":
            data, kind, mime = (
                letters.claim_letter_odt(case, record, form.cleaned_data),
                "odt",
                letters.ODT_MIME,
            )
        else:
            data, kind = letters.claim_letter_pdf(case, record, form.cleaned_data), "pdf"
            mime = "application/pdf"
        services.audit(case, request.user, "letter", f"{kind} {record.sha256[:12]}")
        response = HttpResponse(data, content_type=mime)
        response["Content-Disposition"] = (
            f'attachment; filename="geltendmachung-{case.code}.{kind}"'
        )
        return response
    from wegweiser.worktime.services import report_view

    return render(
        request,
        "cases/letter_form.html",
        {"case": case, "evidence": record, "report": report_view(record.report), "form": form},
    )


@login_required
@require_safe
def audit_log(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    case = get_case_for_user(request, case)
    if not is_lead(request.user, case.organization):
        raise Http404
    entries = case.audit.select_related("user")[:500]
    return render(request, "cases/audit.html", {"case": case, "entries": entries})


@login_required
@require_POST
def document_upload(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    from .. import documents

    case = get_case_for_user(request, case)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if not form.is_valid():
        messages.error(request, _("Enter a title and choose a file."))
        return redirect(case_url(case) + "#documents")
    upload = form.cleaned_data["file"]
    if upload.size > settings.WEGWEISER_MAX_UPLOAD_BYTES:
        messages.error(request, _("The file is too large."))
        return redirect(case_url(case) + "#documents")
    try:
        documents.store(
            case, user=request.user, title=form.cleaned_data["title"], raw=upload.read()
        )
    except documents.DocumentRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Document added."))
    return redirect(case_url(case) + "#documents")


@login_required
@require_safe
def document_download(request: AuthenticatedHttpRequest, case, document) -> HttpResponse:
    from .. import documents

    case = get_case_for_user(request, case)
    record = case.documents.filter(pk=document).first()
    if record is None:
        raise Http404
    services.audit(case, request.user, "read", f"document {record.kind}")
    response = HttpResponse(documents.read(record), content_type=documents.content_type(record))
    response["Content-Disposition"] = (
        f'attachment; filename="{case.code}-{record.pk}.{record.kind}"'
    )
    return response


@login_required
@require_POST
def case_erase(request: AuthenticatedHttpRequest, case) -> HttpResponse:
    """Erasure on request (Art. 17 GDPR): the same purge as at the end of the retention period."""
    case = get_case_for_user(request, case)
    if request.POST.get("confirm") != case.code:
        messages.error(request, _("To delete the personal data, type the case code."))
        return redirect(case_url(case) + "#erase")
    services.purge_case(case, user=request.user)
    messages.success(
        request,
        _("The personal data of case %(code)s were deleted; only the statistics remain.")
        % {"code": case.code},
    )
    return redirect("cases:list")
