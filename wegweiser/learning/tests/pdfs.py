"""Reading page facts out of a PDF in tests (objects may sit in compressed streams)."""

from __future__ import annotations

import re
import zlib


def _chunks(pdf: bytes) -> list[bytes]:
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return chunks


def page_count(pdf: bytes) -> int:
    return sum(len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", chunk)) for chunk in _chunks(pdf))


def page_boxes(pdf: bytes) -> set[tuple[float, float]]:
    boxes = set()
    for chunk in _chunks(pdf):
        for box in re.finditer(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", chunk):
            boxes.add((round(float(box.group(1)), 2), round(float(box.group(2)), 2)))
    return boxes
