"""Worker pages contain no German or English UI text in the worker languages (issue 9).

Every worker-facing page is rendered in ro bg pl hu uk ru ar tr vi. Text inside elements marked
with lang="de"/lang="en" (names of organisations, addresses, opening hours as the municipality
wrote them, legal citations) and inside <script>/<style> is left out; the rest must not contain
German or English UI words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string

WORKER_LANGUAGES = ["ro", "bg", "pl", "hu", "uk", "ru", "ar", "tr", "vi"]
# Words that only German or English UI text would contain (not names, not legal abbreviations).
FOREIGN_WORDS = {
    # English
    "the",
    "and",
    "your",
    "you",
    "with",
    "for",
    "this",
    "edit",
    "home",
    "help",
    "opening",
    "hours",
    "network",
    "contact",
    "start",
    "situation",
    "caution",
    "why",
    "details",
    "call",
    "advice",
    "counselling",
    "save",
    "delete",
    "cancel",
    "report",
    "week",
    "month",
    "day",
    # German
    "und",
    "der",
    "die",
    "das",
    "für",
    "nicht",
    "ihre",
    "startseite",
    "öffnungszeiten",
    "netzwerk",
    "beratung",
    "hilfe",
    "ändern",
    "löschen",
    "warum",
    "kontakt",
    "anrufen",
    "schichtbeginn",
    "pause",
    "uhr",
    "oder",
}
SKIP_TAGS = {"script", "style", "template"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = (
            tag in SKIP_TAGS
            or attrs.get("lang") in ("de", "en")
            or attrs.get("translate") == "no"
            or (bool(self.stack) and self.stack[-1][1])
        )
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            self.stack.append((tag, skip))
        if not skip:
            for name in ("aria-label", "title", "placeholder", "alt"):
                if attrs.get(name):
                    self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _skip = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def foreign_words(html: str) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    text = " ".join(parser.parts)
    # Addresses and official names are excepted: e-mail addresses, web addresses and the German
    # name of an authority given in brackets after the translated one, e.g. "(Agentur für Arbeit)".
    text = re.sub(r"\S+@\S+|https?://\S+|\([^()]*\)", " ", text)
    words = re.findall(r"[^\W\d_]+", text.lower())
    return set(words) & FOREIGN_WORDS


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_help_page(client, world, language):
    html = page(client, f"/{language}/m/musterstadt/help/?needs=wages_unpaid,documents_withheld")
    assert not foreign_words(html)


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_referral_sheet(client, world, language):
    html = page(
        client,
        f"/{language}/m/musterstadt/navigator/sheet/?needs=wages_unpaid,documents_withheld",
    )
    assert not foreign_words(html)


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_worktime_app(client, world, language):
    assert not foreign_words(page(client, f"/{language}/worktime/"))


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_paper_calendar(world, monkeypatch, language):
    import wegweiser.core.pdf as pdf
    from wegweiser.worktime import services

    monkeypatch.setattr(
        pdf,
        "render_pdf",
        lambda template, context, request=None: render_to_string(
            template, {"pdf_language": language, "pdf_direction": "ltr", **context}
        ).encode(),
    )
    html = services.paper_calendar_pdf(
        year=2026,
        state=world.musterstadt.state,
        municipality=world.beispielstadt,
        language=language,
        size="A4",
        request=None,
    ).decode()
    assert not foreign_words(html)


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_start_page(client, world, language):
    assert not foreign_words(page(client, f"/{language}/"))


@pytest.mark.parametrize("language", WORKER_LANGUAGES)
def test_municipality_page(client, world, language):
    assert not foreign_words(page(client, f"/{language}/m/musterstadt/"))


def test_the_check_finds_english_and_german():
    assert foreign_words("<p>Edit the entry</p>") == {"edit", "the"}
    assert foreign_words("<p>Öffnungszeiten</p><p lang='de'>Mo–Fr 8–12 Uhr</p>") == {
        "öffnungszeiten"
    }
