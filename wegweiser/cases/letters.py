"""The written wage claim (Geltendmachung) to the employer, from an imported work-time report.

Always German: it goes to a German employer and, if unpaid, to a German labour court. The figures
come from the report that worktime.wages computed on import; nothing is typed in by hand.
"""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import override

from wegweiser.core.pdf import render_pdf


def letter_context(case, evidence, form_data: dict) -> dict:
    from wegweiser.worktime.services import report_view

    with override("de"):
        report = report_view(evidence.report)
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
        deadline = formats.date_format(form_data["deadline"], "DATE_FORMAT")
    return {
        "case": case,
        "organization": case.organization,
        "place": case.municipality.name,
        "today": today,
        "deadline": deadline,
        "employer": form_data["employer"],
        "employer_address": form_data["employer_address"],
        "worker_name": form_data["worker_name"],
        "report": report,
        "owed_positive": evidence.report["totals"]["difference_cents"] > 0,
        "sha256": evidence.sha256,
    }


def claim_letter_pdf(case, evidence, form_data: dict) -> bytes:
    with override("de"):
        return render_pdf("cases/letter_pdf.html", letter_context(case, evidence, form_data))
