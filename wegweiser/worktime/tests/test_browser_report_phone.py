"""Issue 15: report tables were 490–590 px wide in a 358 px phone column; on a phone each row is
now a small block with the column names beside the values."""

from __future__ import annotations

import json
import os

import pytest

from wegweiser.testing import PERSONA_EMAILS, browser_login, check_accessibility

SHOTS = os.environ.get("WEGWEISER_SHOTS", "")


@pytest.mark.browser
def test_report_tables_fit_a_phone(page, tmp_path):
    from wegweiser.worktime.tests.cases import export, week

    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, PERSONA_EMAILS["counsellor"])
    page.goto("/en/worktime/review/")
    upload = tmp_path / "export.json"
    upload.write_text(json.dumps(export(days=week("2026-11-02", 3))))
    page.set_input_files("#id_file", str(upload))
    page.click("button[value=html]")
    page.wait_for_selector("#report-heading")
    check_accessibility(page, "review report on a phone")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/report-phone.png", full_page=True)
    widths = page.eval_on_selector_all(
        ".wt-report table",
        "tables => tables.map(t => [t.scrollWidth, t.parentElement.clientWidth])",
    )
    assert widths and all(table <= column for table, column in widths), widths
    label = page.eval_on_selector(
        ".wt-report td[data-label]", "td => getComputedStyle(td, '::before').content"
    )
    assert label.strip('"') in ("Week", "Month", "Date")
