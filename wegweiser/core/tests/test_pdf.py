import pytest
from django.template import engines

from wegweiser.core import pdf


@pytest.fixture
def template(tmp_path, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    engines._engines = {}  # noqa: SLF001 - let Django rebuild the engines with the new DIRS

    def write(body: str) -> str:
        (tmp_path / "doc.html").write_text(body, encoding="utf-8")
        return "doc.html"

    yield write
    engines._engines = {}  # noqa: SLF001


def test_pdf_uses_local_static_files_and_data_urls(template, monkeypatch):
    fetched = []
    original = pdf._local_fetcher

    def spy():
        fetcher = original()
        inner = fetcher.fetch

        def fetch(url, headers=None):
            fetched.append(url)
            return inner(url, headers)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(pdf, "_local_fetcher", spy)
    name = template(
        '<html lang="{{ pdf_language }}"><head><link rel="stylesheet" href="/static/wegweiser/css/site.css">'
        '</head><body><img src="/static/wegweiser/img/logo.svg" alt="">Hallo</body></html>'
    )
    data = pdf.render_pdf(name, {})
    assert data.startswith(b"%PDF")
    assert any(url.endswith("site.css") for url in fetched)
    assert any(url.endswith("logo.svg") for url in fetched)


def test_pdf_never_fetches_another_host(template):
    fetcher = pdf._local_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/tracker.png")
    with pytest.raises(ValueError):
        fetcher.fetch(pdf.PDF_BASE_URL + "static/../../etc/passwd")
    name = template('<html><body><img src="https://example.org/x.png" alt="">Text</body></html>')
    assert pdf.render_pdf(name, {}).startswith(b"%PDF")
