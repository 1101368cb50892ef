"""Typesetting benchmark (issue 16): the 150-actor guidebook PDF in German and Arabic with
(1) WeasyPrint and the HTML template the product used until the Typst port
(bench/guidebook_weasyprint.html, kept here for this comparison only) and (2) Typst as the product
renders it now (guidebook/exports/pdf.py with guidebook.typ). Same context, same content.

Called by `python -m bench` (after the page figures) and alone: `python -m bench --typeset-only`.
"""

from __future__ import annotations

import time
from pathlib import Path

WEASYPRINT_TEMPLATE = Path(__file__).with_name("guidebook_weasyprint.html")


def weasy(municipality, language: str) -> bytes:
    """The public guidebook PDF as WeasyPrint rendered it before the port."""
    from django.template import engines
    from django.utils import translation
    from weasyprint import HTML

    from wegweiser.core.pdf import PDF_BASE_URL, _local_fetcher
    from wegweiser.guidebook.exports import pdf
    from wegweiser.guidebook.exports.serializers import formal_guidebook

    template = engines["django"].from_string(WEASYPRINT_TEMPLATE.read_text())
    with translation.override(language):
        context = {
            "pdf_language": language,
            "pdf_direction": "rtl" if translation.get_language_bidi() else "ltr",
            **pdf.pdf_context(municipality, formal_guidebook(municipality), internal=False),
        }
        html = template.render(context)
        document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=_local_fetcher())
        return document.write_pdf()


def typst_pdf(municipality, language: str) -> bytes:
    """The public guidebook PDF as the product's task renders it (Typst)."""
    from django.utils import translation

    from wegweiser.guidebook.exports import pdf

    with translation.override(language):
        return pdf.formal_pdf(municipality)


def run(municipality, page_count, languages=("de", "ar")) -> list[tuple]:
    """Cold timings (first render in this process counts the engine's import) per engine × language."""
    rows = []
    engines = (
        ("WeasyPrint, former template", lambda lang: weasy(municipality, lang)),
        ("Typst (product)", lambda lang: typst_pdf(municipality, lang)),
    )
    for name, render in engines:
        for language in languages:
            started = time.perf_counter()
            cpu_started = time.process_time()
            try:
                data = render(language)
            except Exception as error:  # noqa: BLE001 -- a benchmark reports, it does not stop
                print(f"  {name:28} [{language}] failed: {str(error)[:200]}")
                continue
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu_started  # all threads of this process: load-independent
            rows.append((name, language, seconds, page_count(data), len(data)))
            print(
                f"  {name:28} [{language}] {seconds:6.2f} s wall, {cpu:6.2f} s CPU "
                f"{page_count(data):>4} pages {len(data) / 1024:6.0f} kB  (goal < 3 s)"
            )
    return rows
