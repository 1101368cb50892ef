"""A worker page never shows English UI text in a worker language (DESIGN §7).

Worker catalogues may keep professional-only entries in English (editing, review, approvals,
the indicator check: those pages are German/English). This test decides which entries a worker
can see from their source occurrences (the ``#:`` lines of the catalogues) with one explicit rule,
``WORKER_VISIBLE`` below, and checks the translation Django really uses for them: catalogues are
merged the way Django merges them (``LOCALE_PATHS`` first, then the apps in ``INSTALLED_APPS``
order, the first non-empty translation wins), so an English copy in the guidebook catalogue that
hides the real translation in the exports catalogue (e.g. "as of" in the Arabic PDF) is caught.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]  # the wegweiser package
WORKER_LANGUAGES = ["ro", "bg", "pl", "hu", "uk", "ru", "ar", "tr", "vi"]

# Source files (relative to the package) whose strings reach a worker in her language: public
# (anonymous) pages and the PDFs and sheets made in a worker language. Each file is listed with
# the English texts it only shows to logged-in members or editors (inside ``{% if internal %}``,
# ``{% if can_edit %}``, ``{% if is_coordinator %}``, ``{% if not plain %}``, …): those may stay
# English in worker catalogues.
WORKER_VISIBLE: dict[str, set[str]] = {
    # layout, landing page, municipality page, legal pages
    "templates/*.html": set(),
    "templates/components/*.html": set(),
    "core/templates/core/home.html": set(),
    "core/templates/core/municipality.html": set(),
    "core/templates/core/error.html": set(),
    "core/templates/core/legal/*.html": set(),
    "*/templates/*/sections/public.html": set(),  # public sections of the municipality page
    # public guidebook: overview, search, entry page, print view, PDF
    "guidebook/templates/guidebook/base.html": set(),
    "guidebook/templates/guidebook/overview.html": {"Approvals and freshness", "New entry"},
    "guidebook/templates/guidebook/_overview_body.html": set(),
    "guidebook/templates/guidebook/_org_card.html": {"Contact persons"},
    "guidebook/templates/guidebook/_search_form.html": set(),
    "guidebook/templates/guidebook/_search_results.html": set(),
    "guidebook/templates/guidebook/search.html": set(),
    "guidebook/templates/guidebook/print.html": set(),
    "guidebook/templates/guidebook/_export_links.html": {"Download internal PDF"},
    "guidebook/templates/guidebook/sections/municipality.html": set(),
    "guidebook/templates/guidebook/detail.html": {
        # {% if internal %}: contact persons and notes of the internal version
        "Contact persons",
        "Internal",
        "Function",
        "Direct line",
        "How to reach them in practice",
        "No contact person with recorded consent.",
        "Internal notes",
        # {% if can_edit %} / {% if is_coordinator %}: editing and approval actions
        "Edit entry",
        "Add mandate item",
        "Review and publish",
        "History",
        "Take out of the archive",
        "Archive",
        "Edit",
        "Review the change",
        "The coordinator sent a change back",
        "Open your change",
        "%(counter)s change waits for approval. This page shows the published version until the "
        "coordinator approves it.",
    },
    "guidebook/views/public.py": set(),
    "guidebook/exports/typeset.py": set(),
    "guidebook/exports/templates/guidebook/exports/pdf_preparing.html": set(),
    "guidebook/exports/templates/guidebook/exports/section_municipality.html": set(),
    # navigator: simple mode for workers and the referral sheet in the worker's language
    "navigator/templates/navigator/help.html": set(),
    "navigator/templates/navigator/_error.html": set(),
    "navigator/templates/navigator/_needs_fieldset.html": {"may be acute"},
    "navigator/templates/navigator/_status_fieldset.html": set(),
    "navigator/templates/navigator/_notices.html": set(),
    "navigator/templates/navigator/sheet.html": set(),
    "navigator/templates/navigator/sheet_pdf.html": set(),
    "navigator/templates/navigator/_sheet_body.html": set(),
    "navigator/templates/navigator/sections/municipality.html": set(),
    "navigator/simple.py": set(),
    "navigator/policy.py": set(),
    # work-time app, paper calendar, report
    "worktime/*": set(),
}

# Modules that mostly serve members, with the few texts they show on public pages ("views*" and
# "models*" also match the older single-module paths still named in the guidebook catalogues).
WORKER_VISIBLE_TEXTS: dict[str, set[str]] = {
    # views/_common.py: errors of the public pages
    "guidebook/views*": {
        "Unknown version. Use “public” or “internal”.",
        "Bad request",
    },
    # choice labels on the public entry page and overview (mandate sections, role legend)
    "guidebook/models*": {
        "can do",
        "cannot do",
        "legal basis",
        "what happens to the person's data",
        "when to involve",
        "acts (has powers)",
        "advises",
        "must be informed",
        "caution",
    },
}

# Words a language really writes like English, proper names and legal references.
SAME_AS_ENGLISH: dict[str, set[str]] = {
    "*": {"E-mail", "Wegweiser", "PDF", "HSDS", "OK"},
    "ro": {"min", "transport", "Internet", "Actor"},
    "pl": {"min", "Internet", "transport"},
    "hu": {"min", "Internet"},
    "vi": {"Email", "email"},
    "tr": {"E-posta"},
}
LOWERCASE = re.compile(r"[a-z]")

# Worker-visible strings known to be missing from the worker catalogues (a German fallback on a
# worker page). Empty: every such string is translated; add one here only with an issue number.
PENDING: set[str] = set()


def catalogue_dirs() -> list[Path]:
    """Catalogue directories in Django's order of precedence."""
    dirs = [Path(p) for p in settings.LOCALE_PATHS]
    dirs += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    return [d for d in dirs if d.is_dir()]


def source_of(locale_dir: Path, occurrence: str) -> str:
    """The occurrence as a path relative to the package (tried from the catalogue's app upward)."""
    for base in (locale_dir.parent, *locale_dir.parent.parents):
        candidate = base / occurrence
        if candidate.exists() and ROOT in candidate.resolve().parents:
            return candidate.resolve().relative_to(ROOT).as_posix()
    return (locale_dir.parent / occurrence).relative_to(ROOT).as_posix()


def shown_to_workers(entry: polib.POEntry, locale_dir: Path) -> bool:
    for occurrence, _line in entry.occurrences:
        path = source_of(locale_dir, occurrence)
        for pattern, members_only in WORKER_VISIBLE.items():
            if fnmatch(path, pattern) and entry.msgid not in members_only:
                return True
        for pattern, texts in WORKER_VISIBLE_TEXTS.items():
            if fnmatch(path, pattern) and entry.msgid in texts:
                return True
    return False


@cache
def catalogue(locale_dir: Path, language: str) -> polib.POFile | None:
    path = locale_dir / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path)) if path.exists() else None


def worker_visible_keys() -> set[tuple[str | None, str]]:
    keys = set()
    for locale_dir in catalogue_dirs():
        if ROOT not in locale_dir.resolve().parents:
            continue  # Django's own catalogues
        po = catalogue(locale_dir, "en") or catalogue(locale_dir, "de")
        for entry in po or []:
            if not entry.obsolete and shown_to_workers(entry, locale_dir):
                keys.add((entry.msgctxt, entry.msgid))
    return keys


def effective(language: str) -> dict[tuple[str | None, str], list[str]]:
    """What gettext returns in ``language``: the first catalogue with a translation wins."""
    found: dict[tuple[str | None, str], list[str]] = {}
    for locale_dir in catalogue_dirs():
        for entry in catalogue(locale_dir, language) or []:
            if entry.obsolete or entry.fuzzy:
                continue
            texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            if all(texts):
                found.setdefault((entry.msgctxt, entry.msgid), texts)
    return found


def test_the_rule_finds_the_worker_pages():
    keys = worker_visible_keys()
    assert (None, "Get help") in keys  # navigator simple mode
    assert (None, "As of") in keys  # guidebook PDF
    assert (None, "Mandate") in keys  # public guidebook entry page
    assert (None, "advises") in keys  # role legend of the public overview
    assert (None, "Edit entry") not in keys  # editors only
    assert (None, "Indicator check") not in keys  # professional page


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_worker_visible_entries_are_translated(language):
    allowed = SAME_AS_ENGLISH["*"] | SAME_AS_ENGLISH.get(language, set())
    translations = effective(language)
    problems = []
    for context, msgid in sorted(worker_visible_keys(), key=lambda k: (k[1], k[0] or "")):
        texts = translations.get((context, msgid))
        if texts is None and msgid not in PENDING:
            problems.append(f"untranslated: {msgid[:70]!r}")
        elif (
            texts
            and msgid not in allowed
            and len(LOWERCASE.findall(msgid)) >= 3
            and texts[0] == msgid
        ):
            problems.append(f"English copy: {msgid[:70]!r}")
    assert not problems, f"{len(problems)} worker-visible entries in {language}:\n" + "\n".join(
        problems
    )


def test_the_guidebook_pdf_names_needs_in_the_worker_language(world):
    """Like the web page: the professional wording in the language, else the plain wording
    (which every worker language has), never the German label (the Arabic PDF said "Lohn nicht
    gezahlt …" where the page says it in Arabic)."""
    from django.utils import translation

    from wegweiser.guidebook.exports.pdf import pdf_context
    from wegweiser.guidebook.exports.serializers import formal_guidebook
    from wegweiser.guidebook.models import Need

    with translation.override("ar"):
        context = pdf_context(
            world.musterstadt, formal_guidebook(world.musterstadt), internal=False
        )
    labels = {
        need["label"]
        for organization in context["organizations"]
        for group in organization["groups"]
        for item in group["items"]
        for need in item["needs"]
    }
    wages = Need.objects.get(key="wages_unpaid")
    assert "ar" not in (wages.label or {})
    assert wages.plain["ar"] in labels
    assert not labels & {need.text for need in Need.objects.all()}
