"""SCORM 1.2 export of a course: a zip that ILIAS, Moodle or any SCORM 1.2 player imports.

The package holds one SCO: `index.html` with every unit of the course, `course.js` (quiz feedback
and the SCORM runtime calls) and `course.css`. It needs no network: everything it shows is inside
the zip. The launch page finds the LMS's `API` object in a parent or opener window, sets
`cmi.core.lesson_status` ("incomplete" on start, then "passed" or "failed" when every quiz is
answered), `cmi.core.score.raw/min/max` and commits. Without an LMS (opened from disk) it works as
a plain page.

Every manifest is validated against the official SCORM 1.2 schemas (`data/scorm12/`, see the README
there) before a package leaves the server; the schema files travel in the zip, as SCORM 1.2
packages conventionally carry them.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import override
from lxml import etree

from .content import Course

TEMPLATES = "learning/scorm/"
FILES = ["index.html", "course.js", "course.css"]
SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "scorm12"
SCHEMA_FILES = [
    "imscp_rootv1p1p2.xsd",
    "adlcp_rootv1p2.xsd",
    "imsmd_rootv1p2p1.xsd",
    "ims_xml.xsd",
]
# The schemas the validator compiles. The meta-data schema (imsmd) is shipped but not compiled:
# its content models break XML Schema's unique particle attribution rule ("not determinist" in
# libxml2). The manifest uses no meta-data element, and the CP schema checks foreign elements
# strictly, so an imsmd element would be rejected rather than waved through.
NAMESPACES = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
}


class InvalidManifest(ValueError):
    """The generated imsmanifest.xml does not conform to the SCORM 1.2 schemas."""


class _NamespaceWellFormedXmlSchema(etree.Resolver):
    """ADL's `ims_xml.xsd` binds the reserved `xml` namespace as its default namespace, which the
    Namespaces in XML recommendation forbids and libxml2 therefore refuses. The declaration is
    unused (the file only declares attributes, which never take a default namespace), so the
    validator drops exactly that declaration in memory; the shipped file stays unchanged."""

    DECLARATION = ' xmlns="http://www.w3.org/XML/1998/namespace"'

    def resolve(self, system_url: str, public_id: str, context: object) -> object:
        if not system_url.endswith("/ims_xml.xsd"):
            return None
        text = (SCHEMA_DIR / "ims_xml.xsd").read_text(encoding="utf-8")
        assert text.count(self.DECLARATION) == 1
        return self.resolve_string(text.replace(self.DECLARATION, ""), context)


@functools.cache
def manifest_schema() -> etree.XMLSchema:
    """The official CP and ADL schemas in one validator. They are separate files (the CP schema
    admits other namespaces' elements "strictly" without importing them), so a few lines of
    driver import both, as a SCORM conformance checker does."""
    imports = "".join(
        f'<xsd:import namespace="{namespace}" schemaLocation="{name}"/>'
        for namespace, name in NAMESPACES.items()
    )
    driver = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_NamespaceWellFormedXmlSchema())
    document = etree.fromstring(driver, parser, base_url=SCHEMA_DIR.as_uri() + "/")
    return etree.XMLSchema(document)


def validate_manifest(text: str) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    document = etree.fromstring(text.encode("utf-8"), parser)
    schema = manifest_schema()
    if not schema.validate(document):
        errors = "; ".join(f"line {e.line}: {e.message}" for e in schema.error_log)
        raise InvalidManifest(errors)


def identifier(course: Course, municipality) -> str:
    return f"wegweiser-{municipality.slug}-{course.slug}-{course.language}-{course.version}"


def package_files(course: Course, municipality) -> dict[str, str]:
    context = {
        "course": course,
        "municipality": municipality,
        "identifier": identifier(course, municipality),
        "files": FILES,
    }
    with override(course.language):
        files: dict[str, str] = {
            name: render_to_string(TEMPLATES + name, context) for name in FILES
        }
        files["imsmanifest.xml"] = render_to_string(TEMPLATES + "imsmanifest.xml", context)
    validate_manifest(files["imsmanifest.xml"])
    for name in SCHEMA_FILES:
        files[name] = (SCHEMA_DIR / name).read_bytes().decode("utf-8")  # CRLF kept
    return files


def build_package(course: Course, municipality) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(package_files(course, municipality).items()):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def extract(data: bytes, target: Path) -> Path:
    """Unpack a package (tests and operators checking a package by hand)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(target)
    return target
