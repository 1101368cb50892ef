"""PDF rendering with WeasyPrint from our own templates.

Only files of this installation are ever fetched while rendering (static files and data: URLs):
a PDF must not make a request to another host, just like a page.
"""

from __future__ import annotations

from urllib.parse import urlparse

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_bidi


def _local_fetcher(url: str, *args, **kwargs):
    from weasyprint.urls import default_url_fetcher

    parsed = urlparse(url)
    if parsed.scheme == "data":
        return default_url_fetcher(url, *args, **kwargs)
    if parsed.scheme in ("", "file", "http", "https") and parsed.path.startswith("/static/"):
        path = finders.find(parsed.path.removeprefix("/static/"))
        if path:
            return default_url_fetcher(f"file://{path}", *args, **kwargs)
    raise ValueError(f"PDF rendering may not fetch {url}")


def render_pdf(template: str, context: dict, request=None) -> bytes:
    """Render a template to PDF bytes. Templates set lang/dir on <html> themselves via context."""
    from weasyprint import HTML

    context = {
        "pdf_language": get_language(),
        "pdf_direction": "rtl" if get_language_bidi() else "ltr",
        **context,
    }
    html = render_to_string(template, context, request=request)
    return HTML(string=html, base_url="/", url_fetcher=_local_fetcher).write_pdf()
