"""Helpers for the export tests (no tests here)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zlib

import pytest


def body(response) -> bytes:
    """The body of a response, streamed (stored files) or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


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


def pdf_info(data: bytes) -> dict[str, str]:
    """Document information of a PDF via poppler's pdfinfo (title, tagged, pages)."""
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", "-"], input=data, capture_output=True, check=True, timeout=60
    )
    lines = result.stdout.decode("utf-8").splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_languages(data: bytes) -> set[str]:
    """Every /Lang entry of a PDF (catalog and tagged spans), also inside compressed streams."""
    found = set(re.findall(rb"/Lang\s*\(([^)]*)\)", data))
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            inflated = zlib.decompressobj().decompress(data[match.end() :])
        except zlib.error:
            continue
        found.update(re.findall(rb"/Lang\s*\(([^)]*)\)", inflated))
    return {value.decode("latin-1") for value in found}


def flat(text: str) -> str:
    """Whitespace-normalised text (line breaks of the layout do not matter)."""
    return " ".join(text.split())


def api_token(user) -> str:
    from wegweiser.accounts.models import ApiToken

    _token, raw = ApiToken.issue(user, "test")
    return raw


def valid_document(world) -> dict:
    """The HSDS export of Musterstadt as plain JSON data (a valid import file)."""
    from wegweiser.guidebook.exports import hsds

    return json.loads(json.dumps(hsds.export_document(world.musterstadt)))


def empty_municipality(world, slug="leerstadt", ags="07999099"):
    """A municipality of Musterstadt's state without guidebook entries."""
    from wegweiser.core.models import Municipality

    municipality, _created = Municipality.objects.get_or_create(
        slug=slug, defaults={"state": world.musterstadt.state, "name": "Leerstadt", "ags": ags}
    )
    return municipality
