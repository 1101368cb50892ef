"""Typesetting benchmark (issue 16): the 150-actor guidebook PDF in German and Arabic with
(1) WeasyPrint and the template as used, (2) WeasyPrint with a lean stylesheet (no per-actor page
break, no running elements, no page-number cross references, so fewer pages and one layout pass),
(3) Typst (`typst` wheel, its compiler inside) from the same context. Same content in each.

Called by `python -m bench` (after the page figures) and alone: `python -m bench --typeset-only`.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

LEAN_STYLE = """<style>
  @page { size: A4; margin: 18mm 16mm; @bottom-right { content: counter(page); font-size: 8pt; } }
  html { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; color: #111; }
  body { margin: 0; }
  h1, h2, h3 { line-height: 1.2; margin: 0; }
  a { color: #0b4f8a; text-decoration: none; }
  .doc-title, .internal-mark { display: none; }
  .cover { page-break-after: always; }
  .cover h1 { font-size: 26pt; margin: 4mm 0 2mm; }
  .cover .version { margin-top: 6mm; font-weight: bold; padding: 2mm 3mm; border-inline-start: 2mm solid #0b4f8a; }
  .cover .online .qr svg { width: 30mm; height: 30mm; }
  .toc ol { columns: 2; padding: 0; list-style: none; font-size: 8.5pt; }
  .toc .type { display: none; }
  section.actor { border-top: 0.5mm solid #0b4f8a; margin-top: 5mm; padding-top: 2mm; }
  .actor h2 { font-size: 13pt; }
  .actor .type { color: #333; margin: 0.5mm 0 1.5mm; }
  table.facts-table { border-collapse: collapse; margin-bottom: 2mm; }
  .facts-table th { text-align: start; width: 30mm; padding: 0.4mm 2mm 0.4mm 0; }
  .mandate h3 { font-size: 10pt; margin: 2.5mm 0 1mm; color: #0b4f8a; }
  .mandate ul { margin: 0; padding-inline-start: 4mm; }
  .mandate li { margin-bottom: 1mm; }
  .mandate .meta, .mandate .original { font-size: 7.5pt; color: #444; }
</style>"""

STYLE = re.compile(r"<style>.*?</style>", re.S)


def _context(municipality, language: str):
    from django.utils import translation

    from wegweiser.guidebook.exports import pdf
    from wegweiser.guidebook.exports.serializers import formal_guidebook

    with translation.override(language):
        context = pdf.pdf_context(municipality, formal_guidebook(municipality), internal=False)
        return context


def weasy(municipality, language: str, lean: bool) -> bytes:
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    from wegweiser.core.pdf import PDF_BASE_URL, _local_fetcher
    from wegweiser.guidebook.exports import pdf

    with translation.override(language):
        context = {
            "pdf_language": language,
            "pdf_direction": "rtl" if translation.get_language_bidi() else "ltr",
            **_context(municipality, language),
        }
        html = render_to_string(pdf.TEMPLATE, context)
        if lean:
            html = STYLE.sub(LEAN_STYLE, html, count=1)
        document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=_local_fetcher())
        return document.write_pdf(pdf_variant="pdf/ua-1" if lean else None)


def typst_data(municipality, language: str) -> dict:
    from django.utils import formats, translation
    from django.utils.translation import gettext as _

    context = _context(municipality, language)
    with translation.override(language):
        organizations = []
        for o in context["organizations"]:
            facts = []
            for location in o.get("locations", []):
                facts.append(
                    [
                        _("Address"),
                        f"{location.get('street', '')}, {location.get('postal_code', '')} {location.get('city', '')}",
                    ]
                )
            for key, label in (
                ("phone", _("Phone")),
                ("email", _("E-mail")),
                ("website", _("Website")),
            ):
                if o.get(key):
                    facts.append([label, o[key]])
            facts.append([_("Languages"), ", ".join(o["language_names"])])
            groups = [
                {
                    "label": str(g["label"]).capitalize(),
                    "items": [
                        {
                            "text": item["text"],
                            "original": item["original"],
                            "meta": " · ".join(
                                part
                                for part in (
                                    f"{_('Legal basis')}: {item['source']}"
                                    if item["source"]
                                    else "",
                                    "; ".join(f"{n['label']} ({n['role']})" for n in item["needs"]),
                                )
                                if part
                            ),
                        }
                        for item in g["items"]
                    ],
                }
                for g in o["groups"]
            ]
            organizations.append(
                {
                    "name": o["name"],
                    "type": o["type_label"],
                    "description": o.get("description") or "",
                    "facts": facts,
                    "groups": groups,
                }
            )
        return {
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "title": context["title"],
            "municipality": context["municipality"].name,
            "state": context["municipality"].state.name,
            "kicker": _("Guidebook of the local network against labour exploitation"),
            "version": _("Public version"),
            "facts": [
                [_("As of"), formats.date_format(context["as_of"]) if context["as_of"] else "–"],
                [_("Actors"), str(len(organizations))],
            ],
            "intro": _(
                "This guidebook lists the actors of the local network: what each one can do, "
                "what it cannot do, on which legal basis it acts and what happens to a person's "
                "data when it gets involved. Counselling services come first: they are the first "
                "place to send a person who may be affected."
            ),
            "qr": list(context["qr_svg"].encode()),
            "qr_label": _("QR code of the online version"),
            "online_label": _("The online version is always current:"),
            "online_url": context["online_url"],
            "contents": _("Contents"),
            "original": _("German original"),
            "organizations": organizations,
        }


def typst_pdf(municipality, language: str) -> bytes:
    import typst

    data = json.dumps(typst_data(municipality, language), ensure_ascii=False)
    source = Path(__file__).with_name("guidebook.typ")
    return typst.compile(
        str(source),
        font_paths=["/usr/share/fonts/truetype/dejavu"],
        sys_inputs={"data": data},
        pdf_standards="ua-1",
    )


def run(municipality, page_count, languages=("de", "ar")) -> list[tuple]:
    """Cold timings (first render in this process counts the engine's import) per engine × language."""
    rows = []
    engines = (
        ("WeasyPrint, template as used", lambda lang: weasy(municipality, lang, lean=False)),
        ("WeasyPrint, lean stylesheet", lambda lang: weasy(municipality, lang, lean=True)),
        ("Typst (typst wheel)", lambda lang: typst_pdf(municipality, lang)),
    )
    for name, render in engines:
        for language in languages:
            started = time.perf_counter()
            cpu_started = time.process_time()
            try:
                data = render(language)
            except Exception as error:  # noqa: BLE001 -- a benchmark reports, it does not stop
                print(f"  {name:30} [{language}] failed: {str(error)[:200]}")
                continue
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu_started  # all threads of this process: load-independent
            rows.append((name, language, seconds, page_count(data), len(data)))
            print(
                f"  {name:30} [{language}] {seconds:6.2f} s wall, {cpu:6.2f} s CPU "
                f"{page_count(data):>4} pages {len(data) / 1024:6.0f} kB  (goal < 3 s)"
            )
    return rows
