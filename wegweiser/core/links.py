"""Absolute links for e-mails, QR codes, PDFs and exports: built from one setting, never from a request.

A request's Host header is chosen by the client; links that leave the site (mail, print, feeds)
must point to the public address the operator configured in WEGWEISER_BASE_URL.
"""

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`path` (starting with "/") under the configured public address."""
    return settings.WEGWEISER_BASE_URL.rstrip("/") + path


def absolute_reverse(viewname: str, **kwargs: object) -> str:
    """`reverse()` under the configured public address."""
    return absolute_url(reverse(viewname, kwargs=kwargs or None))
