"""File sniffing and CSV neutralising (shared helpers used by the network's uploads and reports)."""

import pytest

from wegweiser.core.csv import neutralise
from wegweiser.core.files import sniff


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"\xff\xd8\xff\xe0", "image/jpeg"),
        (
            b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.text",
        ),
        (
            b"PK\x03\x04....[Content_Types].xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (b"PK\x03\x04 some other zip", None),
        (b"MZ\x90\x00\x03", None),
        ("Grüße".encode(), "text/plain"),
        ("Grüße".encode()[:-4], "text/plain"),  # a character cut at the end of the sample
        (b"\xff\xfe broken utf-8 at the start" + b"x" * 20, None),
    ],
)
def test_sniff_decides_by_content(head, expected):
    assert sniff(head) == expected


def test_neutralise_defuses_formulas_only():
    assert neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert neutralise("-1") == "'-1"
    assert neutralise("@cmd") == "'@cmd"
    assert neutralise("Kreis") == "Kreis"
    assert neutralise(None) == ""
    assert neutralise(3) == "3"
