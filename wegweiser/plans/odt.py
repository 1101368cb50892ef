"""A minimal OpenDocument text (ODT) writer for council papers, without a dependency.

Only what a review needs: headings, paragraphs and a table. LibreOffice and Word open the result.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

MIMETYPE = "application/vnd.oasis.opendocument.text"

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

CONTENT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2">
<office:automatic-styles>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:text>"""
CONTENT_TAIL = "</office:text></office:body></office:document-content>"


class Document:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def heading(self, text: str, level: int = 1) -> None:
        self.parts.append(f'<text:h text:outline-level="{level}">{_text(text)}</text:h>')

    def paragraph(self, text: str) -> None:
        for line in str(text).splitlines() or [""]:
            self.parts.append(f"<text:p>{_text(line)}</text:p>")

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        columns = len(header)
        cells = "".join(
            f'<table:table-cell office:value-type="string"><text:p><text:span text:style-name="Bold">'
            f"{_text(value)}</text:span></text:p></table:table-cell>"
            for value in header
        )
        body = [
            f"<table:table-header-rows><table:table-row>{cells}</table:table-row></table:table-header-rows>"
        ]
        for row in rows:
            body.append(
                "<table:table-row>"
                + "".join(
                    f'<table:table-cell office:value-type="string"><text:p>{_text(value)}</text:p>'
                    "</table:table-cell>"
                    for value in row
                )
                + "</table:table-row>"
            )
        self.parts.append(
            f'<table:table table:name="T{len(self.parts)}">'
            f'<table:table-column table:number-columns-repeated="{columns}"/>'
            + "".join(body)
            + "</table:table>"
        )

    def render(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            # The mimetype comes first and uncompressed, as the OpenDocument standard requires.
            archive.writestr(
                zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED
            )
            archive.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
            content = CONTENT_HEAD + "".join(self.parts) + CONTENT_TAIL
            archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()


def _text(value) -> str:
    return escape("" if value is None else str(value))
