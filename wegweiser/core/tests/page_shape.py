"""The shape every HTML page must have (DESIGN §9, issue 11): one h1, no skipped heading level, lang
and dir on <html>, every form field labelled. The route test (test_routes.py) checks it on every page
of the matrix that answers 200 with HTML, for every persona, on the response it already has; axe-core
in the browser journeys checks much more, on fewer pages."""

from __future__ import annotations

from html.parser import HTMLParser

FIELDS = {"input", "select", "textarea"}
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class PageShape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict[str, str | None] = {}
        self.headings: list[int] = []
        self.label_for: set[str] = set()
        self.fields: list[dict[str, str | None]] = []
        self.label_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_attrs = attributes
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append(int(tag[1]))
        elif tag == "label":
            self.label_depth += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"] or "")
        elif tag in FIELDS:
            if tag == "input" and (attributes.get("type") or "text") in UNLABELLED_TYPES:
                return
            self.fields.append({**attributes, "_inside_label": "1" if self.label_depth else ""})

    def handle_endtag(self, tag):
        if tag == "label" and self.label_depth:
            self.label_depth -= 1

    def problems(self) -> list[str]:
        found = []
        if not self.html_attrs.get("lang"):
            found.append("<html> without lang")
        if self.html_attrs.get("dir") not in ("ltr", "rtl"):
            found.append("<html> without dir")
        if self.headings.count(1) != 1:
            found.append(f"{self.headings.count(1)} h1 elements")
        previous = 0
        for level in self.headings:
            if previous and level > previous + 1:
                found.append(f"heading level skipped: h{previous} → h{level}")
            previous = level
        for field in self.fields:
            labelled = (
                field.get("_inside_label")
                or (field.get("id") and field["id"] in self.label_for)
                or field.get("aria-label")
                or field.get("aria-labelledby")
                or field.get("title")
            )
            if not labelled:
                found.append(f"unlabelled field {field.get('name') or field.get('id')}")
        return found


def page_problems(response) -> list[str]:
    """The shape problems of an HTML response (none for other content)."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    shape = PageShape()
    shape.feed(response.content.decode())
    return shape.problems()
