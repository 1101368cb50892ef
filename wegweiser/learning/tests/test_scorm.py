"""SCORM 1.2 export: manifest, files, and the launch page reporting to a stub LMS API offline."""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.urls import reverse

from wegweiser.learning import scorm, selectors
from wegweiser.testing import chromium_path

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def package(world, slug="referring-safely", language="en") -> bytes:
    course = selectors.get_course(world.musterstadt, slug, language)
    return scorm.build_package(course, world.musterstadt)


@pytest.mark.parametrize("slug", selectors.COURSE_ORDER)
def test_manifest_is_scorm_12_and_every_referenced_file_exists(world, slug):
    data = package(world, slug)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    assert "imsmanifest.xml" in names
    root = ET.fromstring(archive.read("imsmanifest.xml"))
    assert root.tag == f"{CP}manifest" and root.get("identifier")
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = root.find(f"{CP}organizations")
    default = organizations.get("default")
    organization = organizations.find(f"{CP}organization")
    assert organization.get("identifier") == default
    resources = {r.get("identifier"): r for r in root.iter(f"{CP}resource")}
    items = list(organization.iter(f"{CP}item"))
    assert items
    identifiers = [root.get("identifier")] + [i.get("identifier") for i in items] + list(resources)
    assert len(identifiers) == len(set(identifiers))
    for item in items:
        resource = resources[item.get("identifierref")]
        assert resource.get(f"{ADLCP}scormtype") == "sco"
        assert resource.get("href") in names
        assert item.findtext(f"{ADLCP}masteryscore").isdigit()
        files = {f.get("href") for f in resource.iter(f"{CP}file")}
        assert files <= names and resource.get("href") in files
    # Nothing in the package points to another host: it runs offline.
    for name in names - {"imsmanifest.xml"}:
        text = archive.read(name).decode()
        assert 'src="http' not in text and "url(http" not in text and 'href="http:' not in text


@pytest.mark.parametrize("slug", selectors.COURSE_ORDER)
@pytest.mark.parametrize("language", ["de", "en"])
def test_manifest_validates_against_the_official_scorm_12_schemas(world, slug, language):
    archive = zipfile.ZipFile(io.BytesIO(package(world, slug, language)))
    scorm.validate_manifest(archive.read("imsmanifest.xml").decode())
    # The schema files travel in the zip unchanged, next to the manifest that names them.
    for name in scorm.SCHEMA_FILES:
        assert archive.read(name) == (scorm.SCHEMA_DIR / name).read_bytes()


def test_the_shipped_schemas_are_the_official_files_unchanged():
    readme = (scorm.SCHEMA_DIR / "README.md").read_text(encoding="utf-8")
    recorded = dict(
        (name, digest) for digest, name in re.findall(r"([0-9a-f]{64})  (\S+\.xsd)", readme)
    )
    assert sorted(recorded) == sorted(scorm.SCHEMA_FILES)
    for name, digest in recorded.items():
        assert hashlib.sha256((scorm.SCHEMA_DIR / name).read_bytes()).hexdigest() == digest, name


def test_the_validator_rejects_what_a_scorm_12_player_would_reject(world):
    course = selectors.get_course(world.musterstadt, "referring-safely", "en")
    manifest = scorm.package_files(course, world.musterstadt)["imsmanifest.xml"]
    broken = [
        manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="scorm"'),
        manifest.replace(' type="webcontent"', ""),
        manifest.replace("<metadata>", "<organizations/><metadata>", 1),
        manifest.replace("</adlcp:masteryscore>", "</adlcp:masteryscore><adlcp:passmark/>"),
        manifest.replace('identifier="item-', 'identifier="1item-'),
    ]
    for text in broken:
        assert text != manifest
        with pytest.raises(scorm.InvalidManifest):
            scorm.validate_manifest(text)


def test_an_overlong_title_is_shortened_to_what_the_schema_allows(world, monkeypatch):
    course = selectors.get_course(world.musterstadt, "referring-safely", "en")
    monkeypatch.setattr(world.musterstadt, "name", "Sehr lange Stadt " * 20)
    scorm.validate_manifest(scorm.package_files(course, world.musterstadt)["imsmanifest.xml"])


def test_export_is_a_zip_download_for_coordinators(client_as):
    client = client_as("coordinator")
    url = reverse("learning:scorm", kwargs={"slug": "musterstadt", "course": "who-does-what"})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "scorm12.zip" in response["Content-Disposition"]
    assert "imsmanifest.xml" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


STUB_API = """
window.__calls = [];
window.__store = {};
window.API = {
  LMSInitialize: function (a) { __calls.push(["LMSInitialize", a]); return "true"; },
  LMSFinish: function (a) { __calls.push(["LMSFinish", a]); return "true"; },
  LMSGetValue: function (k) { __calls.push(["LMSGetValue", k]); return __store[k] || ""; },
  LMSSetValue: function (k, v) { __calls.push(["LMSSetValue", k, v]); __store[k] = v; return "true"; },
  LMSCommit: function (a) { __calls.push(["LMSCommit", a]); return "true"; },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
"""


@pytest.mark.browser
@pytest.mark.parametrize("all_correct", [True, False])
def test_launch_page_reports_completion_and_score_offline(world, tmp_path, all_correct):
    if chromium_path() is None:
        pytest.skip("BROWSER TEST SKIPPED: Chromium missing")
    from playwright.sync_api import sync_playwright

    course = selectors.get_course(world.musterstadt, "referring-safely", "en")
    scorm.extract(scorm.build_package(course, world.musterstadt), tmp_path)
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(offline=True)
        context.add_init_script(STUB_API)
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto((tmp_path / "index.html").as_uri())
        for unit in course.quiz_units:
            for question in unit.questions:
                answer = next(a for a in question.answers if a.correct == all_correct)
                page.check(f"#{unit.key}-{question.key}-{answer.key}")
            page.click(f"form[data-unit='{unit.key}'] button[type=submit]")
        feedback = page.locator(".feedback:not([hidden])").all_inner_texts()
        calls = page.evaluate("window.__calls")
        browser.close()
    assert all(url.startswith("file://") for url in requests), requests
    assert calls[0] == ["LMSInitialize", ""]
    assert ["LMSSetValue", "cmi.core.lesson_status", "incomplete"] in calls
    score = "100" if all_correct else "0"
    status = "passed" if all_correct else "failed"
    assert ["LMSSetValue", "cmi.core.score.raw", score] in calls
    assert ["LMSSetValue", "cmi.core.score.max", "100"] in calls
    assert ["LMSSetValue", "cmi.core.lesson_status", status] in calls
    assert calls[-1] == ["LMSCommit", ""]
    question = course.quiz_units[0].questions[0]
    chosen = next(a for a in question.answers if a.correct == all_correct)
    assert chosen.feedback in feedback
