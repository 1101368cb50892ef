"""The glossary of key terms (wegweiser/locale/glossary.json) is used the same way everywhere:
every worker-facing catalogue entry (navigator, work-time calendar, the learning app's rights
pages) whose English source contains a glossary term uses that term (one of its accepted word
stems) in each worker language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = json.loads((ROOT / "locale" / "glossary.json").read_text(encoding="utf-8"))
WORKER_LANGUAGES = ["ro", "bg", "pl", "hu", "uk", "ru", "ar", "tr", "vi"]
APPS = ["navigator", "worktime", "learning"]
# Professional-only entries (German/English pages) may stay untranslated in worker catalogues.
PROFESSIONAL_ONLY = re.compile(
    r"indicator|navigator.s policy|professionals|strongest role|^Navigator|combination rule"
    r"|Indications of possible|everything is fine|Recruitment, exploitative",
    re.IGNORECASE,
)


def _worker_facing(app: str, entry: polib.POEntry) -> bool:
    """navigator and worktime: every entry but the professional-only ones. learning is mostly
    professional (courses, Workshop I kit); only entries used by its worker pages count, selected
    by their source references (the same selection as learning/tests/test_rights.py)."""
    if app == "learning":
        from wegweiser.learning.tests.test_rights import is_worker_source

        return any(is_worker_source(path) for path, _line in entry.occurrences)
    return not PROFESSIONAL_ONLY.search(entry.msgid)


def entries(app: str, language: str):
    path = ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not _worker_facing(app, entry):
            continue
        texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        yield entry, " ".join(texts)


def test_glossary_has_about_forty_terms_in_every_worker_language():
    assert len(GLOSSARY["terms"]) >= 40
    for term in GLOSSARY["terms"]:
        assert set(WORKER_LANGUAGES) <= set(term["terms"]), term["key"]
        for language in WORKER_LANGUAGES:
            entry = term["terms"][language]
            assert entry["term"] and entry["stems"], (term["key"], language)
            assert any(stem.lower() in entry["term"].lower() for stem in entry["stems"])


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
@pytest.mark.parametrize("app", APPS)
def test_catalogues_use_the_glossary_terms(app, language):
    assert sum(1 for _ in entries(app, language)) > 40  # the selection by source reference works
    problems = []
    for term in GLOSSARY["terms"]:
        if not term["match"]:
            continue
        pattern = re.compile(term["match"], re.IGNORECASE)
        stems = [stem.lower() for stem in term["terms"][language]["stems"]]
        for entry, text in entries(app, language):
            if pattern.search(entry.msgid) and not any(stem in text.lower() for stem in stems):
                problems.append(f"{term['key']}: {entry.msgid[:60]!r} -> {text[:80]!r}")
    assert not problems, "\n".join(problems)


def test_shift_start_is_labelled_as_the_start_of_a_shift():
    start = next(t for t in GLOSSARY["terms"] if t["key"] == "shift_start")
    for language in WORKER_LANGUAGES + ["de"]:
        path = ROOT / "worktime" / "locale" / language / "LC_MESSAGES" / "django.po"
        entry = polib.pofile(str(path)).find("Start", msgctxt="start of a shift")
        assert entry is not None and entry.msgstr, language
        if language != "de":
            assert any(s in entry.msgstr.lower() for s in start["terms"][language]["stems"])
        assert "Startseite" not in entry.msgstr
