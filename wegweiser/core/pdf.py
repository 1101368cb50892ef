"""PDF rendering with WeasyPrint from our own templates.

Only files of this installation are ever fetched while rendering (static files and data: URLs):
a PDF must not make a request to another host, just like a page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi

# Relative URLs in PDF templates ("/static/…") are resolved against this address, which never
# leaves the process: the fetcher maps it to files on disk.
PDF_BASE_URL = "http://wegweiser.invalid/"


def _local_fetcher() -> Any:  # a weasyprint URLFetcher (imported late: WeasyPrint is slow to load)
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.netloc == urlparse(PDF_BASE_URL).netloc and parsed.path.startswith(
                "/static/"
            ):
                try:
                    path = finders.find(parsed.path.removeprefix("/static/"))
                except SuspiciousFileOperation:
                    path = None
                if path:
                    return super().fetch(Path(path).resolve().as_uri(), headers)
            raise ValueError(f"PDF rendering may not fetch {url}")

    return LocalOnlyFetcher()


def render_pdf(template: str, context: dict[str, Any], request: HttpRequest | None = None) -> bytes:
    """Render a template to PDF bytes. Templates set lang/dir on <html> themselves via context."""
    from weasyprint import HTML

    context = {
        "pdf_language": get_language(),
        "pdf_direction": "rtl" if get_language_bidi() else "ltr",
        **context,
    }
    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=_local_fetcher()).write_pdf()
