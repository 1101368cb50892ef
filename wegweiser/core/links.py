"""Absolute links for e-mails, QR codes, PDFs and exports: built from one setting, never from a request.

A request's Host header is chosen by the client; links that leave the site (mail, print, feeds)
must point to the public address the operator configured in WEGWEISER_BASE_URL.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`path` (starting with "/") under the configured public address."""
    return settings.WEGWEISER_BASE_URL.rstrip("/") + path


def absolute_reverse(viewname: str, **kwargs: object) -> str:
    """`reverse()` under the configured public address."""
    return absolute_url(reverse(viewname, kwargs=kwargs or None))


def http_url(value: str) -> str:
    """`value` if it is an absolute http(s) address, else "" (never a javascript:, data: … link).

    Every website address that reaches a page, the API or an export passes through here, so data
    stored before validation existed (or written by hand) cannot become a script link.
    """
    text = (value or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    if text != value:
        return ""
    return value
