"""The written wage claim (Geltendmachung) to the employer, from an imported work-time report.

Always German: it goes to a German employer and, if unpaid, to a German labour court. The figures
come from the report that worktime.wages computed on import; nothing is typed in by hand. The text
is built once as blocks; the PDF (WeasyPrint) and the editable ODT are two renderings of them.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
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


def letter_blocks(ctx: dict) -> list[tuple[str, object]]:
    """[(kind, content)]: kinds sender, address, date, subject, p, strong_p, table, sign, small,
    annex (heading), grid (header row + rows)."""
    return _opening_blocks(ctx) + _claim_blocks(ctx) + _annex_blocks(ctx)


def _opening_blocks(ctx: dict) -> list[tuple[str, object]]:
    """Sender, address, date, subject and the work done with the wage it is worth."""
    report, totals = ctx["report"], ctx["report"]["totals"]
    period = f"vom {report['period_from']} bis {report['period_to']}"
    organization = ctx["organization"]
    sender = f"{ctx['worker_name']} · c/o {organization.name}"
    if organization.email:
        sender += f" · {organization.email}"
    return [
        ("sender", sender),
        ("address", f"{ctx['employer']}\n{ctx['employer_address']}"),
        ("date", f"{ctx['place']}, {ctx['today']}"),
        ("subject", f"Geltendmachung von Lohnansprüchen für die Zeit {period}"),
        ("p", "Sehr geehrte Damen und Herren,"),
        (
            "p",
            f"ich habe in der Zeit {period} für Sie gearbeitet. Nach meinen eigenen Aufzeichnungen "
            f"habe ich in diesem Zeitraum an {totals['days_worked']} Tagen insgesamt "
            f"{totals['hours']} gearbeitet. Eine Aufstellung liegt bei.",
        ),
        (
            "p",
            "Für jede geleistete Arbeitsstunde steht mir mindestens der gesetzliche Mindestlohn zu "
            "(§ 1 Mindestlohngesetz – MiLoG). Sie sind zur Zahlung der vereinbarten Vergütung "
            "verpflichtet (§ 611a Abs. 2 Bürgerliches Gesetzbuch – BGB). Daraus ergibt sich:",
        ),
        (
            "table",
            [
                ("Lohn für die geleistete Arbeitszeit, mindestens (brutto)", totals["due"]),
                ("von Ihnen gezahlt", totals["paid"]),
                ("offen", totals["difference"]),
            ],
        ),
    ]


def _claim_blocks(ctx: dict) -> list[tuple[str, object]]:
    """Deductions not counted as pay, the claim with its deadline (or only the payslip), greeting."""
    report, totals = ctx["report"], ctx["report"]["totals"]
    blocks: list[tuple[str, object]] = []
    if report["raw"]["totals"]["deducted_cents"]:
        blocks.append(
            (
                "p",
                f"Von Ihnen einbehaltene Beträge ({totals['deducted']}, z. B. für Unterkunft oder "
                "Fahrten) sind kein gezahlter Lohn und wurden nicht angerechnet.",
            )
        )
    if ctx["owed_positive"]:
        blocks += [
            (
                "p",
                f"Hiermit mache ich den offenen Betrag von {totals['difference']} brutto geltend. "
                f"Bitte zahlen Sie ihn bis spätestens {ctx['deadline']} und erteilen Sie mir eine "
                "Lohnabrechnung für den genannten Zeitraum.",
            ),
            (
                "p",
                "Der Anspruch auf den Mindestlohn kann weder durch Vereinbarung beschränkt noch "
                "ausgeschlossen werden (§ 3 MiLoG). Geht die Zahlung nicht fristgerecht ein, behalte "
                "ich mir vor, den Anspruch ohne weitere Ankündigung gerichtlich geltend zu machen.",
            ),
        ]
    else:
        blocks.append(
            (
                "p",
                "Nach meinen Aufzeichnungen ist für diesen Zeitraum kein Betrag offen. Bitte "
                f"erteilen Sie mir bis spätestens {ctx['deadline']} eine Lohnabrechnung für den "
                "genannten Zeitraum.",
            )
        )
    return blocks + [("p", "Mit freundlichen Grüßen"), ("sign", ctx["worker_name"])]


def _annex_blocks(ctx: dict) -> list[tuple[str, object]]:
    """The annex: how the figures were computed, months, days and payments."""
    report = ctx["report"]
    blocks: list[tuple[str, object]] = [
        ("small", "Anlage: Aufstellung der Arbeitszeiten und Zahlungen"),
        ("annex", "Anlage: Aufstellung der Arbeitszeiten und Zahlungen"),
        (
            "small",
            "Berechnet aus dem Arbeitszeitkalender der Arbeitnehmerin bzw. des Arbeitnehmers "
            f"(Datei SHA-256 {ctx['sha256']}). Jede Minute ist mit dem am jeweiligen Kalendertag "
            "gültigen gesetzlichen Mindestlohn bewertet.",
        ),
        (
            "grid",
            [("Monat", "Stunden", "Lohn mindestens", "gezahlt", "offen")]
            + [
                (m["month"], m["hours"], m["due"], m["paid"], m["difference"])
                for m in report["months"]
            ],
        ),
        (
            "grid",
            [("Datum", "Beginn", "Ende", "Pause (Min.)", "Arbeitszeit", "Mindestlohn")]
            + [
                (d["date"], d["start"], d["end"], str(d["break"]), d["hours"], d["due"])
                for d in report["days"]
            ],
        ),
    ]
    if report["payments"]:
        blocks.append(
            (
                "grid",
                [("Zahlung am", "Betrag", "Art")]
                + [(p["date"], p["amount"], p["method"]) for p in report["payments"]],
            )
        )
    return blocks


def claim_letter_pdf(case, evidence, form_data: dict) -> bytes:
    with override("de"):
        ctx = letter_context(case, evidence, form_data)
        return render_pdf("cases/letter_pdf.html", {"blocks": letter_blocks(ctx)})


# --- ODT (OpenDocument text, editable) ---------------------------------

ODT_MIME = "application/vnd.oasis.opendocument.text"


def _odt_paragraph(style: str, text: str) -> str:
    lines = [escape(line) for line in str(text).split("\n")]
    return f'<text:p text:style-name="{style}">' + "<text:line-break/>".join(lines) + "</text:p>"


def _odt_table(rows, *, header: bool) -> str:
    columns = max(len(row) for row in rows)
    parts = [
        "<table:table>",
        f'<table:table-column table:number-columns-repeated="{columns}"/>',
    ]
    for index, row in enumerate(rows):
        style = "Strong" if header and index == 0 else "Cell"
        cells = "".join(
            f'<table:table-cell office:value-type="string">{_odt_paragraph(style, cell)}'
            "</table:table-cell>"
            for cell in row
        )
        parts.append(f"<table:table-row>{cells}</table:table-row>")
    parts.append("</table:table>")
    return "".join(parts)


def _odt_body(blocks) -> str:
    styles = {"sender": "Small", "small": "Small", "date": "Right", "subject": "Strong"}
    parts = []
    for kind, content in blocks:
        if kind in ("table", "grid"):
            parts.append(_odt_table(content, header=kind == "grid"))
        elif kind == "annex":
            parts.append(_odt_paragraph("Annex", content))
        elif kind == "sign":
            parts.append(_odt_paragraph("Sign", "______________________________\n" + content))
        else:
            parts.append(_odt_paragraph(styles.get(kind, "Body"), content))
    return "".join(parts)


def claim_letter_odt(case, evidence, form_data: dict) -> bytes:
    with override("de"):
        blocks = letter_blocks(letter_context(case, evidence, form_data))
    content = render_to_string("cases/letter_content.xml", {"body": _odt_body(blocks)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype entry comes first and uncompressed (OpenDocument 1.2, part 3, 3.3).
        archive.writestr("mimetype", ODT_MIME, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            render_to_string("cases/letter_manifest.xml"),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
