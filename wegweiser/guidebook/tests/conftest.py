"""Fixtures of the guidebook tests (the test world itself comes from wegweiser/conftest.py)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture
def german_pages():
    """Pages tests: an empty cache and German as the active language."""
    cache.clear()
    translation.activate("de")
    yield
    translation.activate("de")


@pytest.fixture
def english_exports():
    """Export tests: an empty cache before and after, English as the active language."""
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()
