"""Accessibility smoke test over the module's pages: one h1, headings never skip a level,
lang set, every form field labelled."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

M = {"slug": "musterstadt"}
PAGES = [
    ("coordinator", "learning:courses", M),
    ("coordinator", "learning:course", {**M, "course": "who-does-what"}),
    ("coordinator", "learning:unit", {**M, "course": "who-does-what", "unit": "actors-jobcenter"}),
    ("coordinator", "learning:unit", {**M, "course": "who-does-what", "unit": "mandates-quiz"}),
    (
        "coordinator",
        "learning:unit",
        {**M, "course": "recognising-exploitation", "unit": "indicators"},
    ),
    ("coordinator", "learning:figures", M),
    ("coordinator", "learning:workshop", M),
    ("anonymous", "learning:rights", M),
    ("anonymous", "learning:rights_easy", M),
]


@pytest.mark.parametrize(
    ("persona", "name", "kwargs"), PAGES, ids=[p[1] + "-" + "-".join(p[2].values()) for p in PAGES]
)
def test_heading_levels_and_labels(client_as, persona, name, kwargs):
    response = client_as(persona).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    body = response.content.decode()
    main = body[body.index("<main") :]
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for previous, current in zip(levels, levels[1:]):
        assert current <= previous + 1, f"{name}: h{previous} followed by h{current}"
    assert re.search(r'<html lang="[a-z]{2}"', body)
    for field_id in re.findall(r'<input[^>]+type="radio"[^>]+id="([^"]+)"', main):
        assert f'for="{field_id}"' in main
