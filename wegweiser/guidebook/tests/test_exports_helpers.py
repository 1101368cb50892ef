"""Helpers for the export tests (no tests here)."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def pdf_text(data: bytes) -> str:
    """Text of a PDF via poppler's pdftotext (installed with poppler-utils)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
        timeout=120,
    )
    return result.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Whitespace-normalised text (line breaks of the layout do not matter)."""
    return " ".join(text.split())


def api_token(user) -> str:
    from wegweiser.accounts.models import ApiToken

    _token, raw = ApiToken.issue(user, "test")
    return raw
