"""Limits for public API routes that cost CPU: body size, number of entries, requests per client.

Counting uses django-ratelimit on the default cache. With several app servers (or several
gunicorn workers) the cache must be shared — set REDIS_URL — or each process counts on its own.
Behind nginx, the client's address comes from RATELIMIT_IP_META_KEY (see docs/deployment.md).
The refusal messages are in wegweiser/core/refusals.py (translated into every worker language).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django_ratelimit.core import _get_ip, get_usage


def body_too_large(request: HttpRequest, max_bytes: int) -> bool:
    """True when the declared or the real body is larger than max_bytes (checked before parsing)."""
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        declared = 0
    return declared > max_bytes or len(request.body) > max_bytes


def count_entries(raw: bytes, list_names: tuple[str, ...]) -> int:
    """How many rows the named top-level lists hold; 0 when the body is not such an object.

    Parsing a body that already passed the size limit is cheap; what costs is checking each row.
    """
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return 0
    if not isinstance(data, dict):
        return 0
    return sum(len(data[name]) for name in list_names if isinstance(data.get(name), list))


def retry_after(request: HttpRequest, group: str, rate: str) -> int | None:
    """Count this request; None when it is allowed, else the seconds until the client may retry."""
    usage = get_usage(request, group=group, key=_client, rate=rate, method="POST", increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, usage["time_left"])


def _client(group: str, request: HttpRequest) -> str:
    """The client's address as django-ratelimit reads it (IPv6 by /64 network).

    A request without an address (a misconfigured proxy header, some test clients) shares one
    bucket instead of failing with a 500.
    """
    try:
        return _get_ip(request)
    except (KeyError, ImproperlyConfigured):
        return "unknown-address"


def worktime_limits() -> tuple[int, int, str]:
    """(max bytes, max entries, rate) of the anonymous work-time report."""
    return (
        settings.WEGWEISER_WORKTIME_REPORT_MAX_BYTES,
        settings.WEGWEISER_WORKTIME_REPORT_MAX_ENTRIES,
        settings.WEGWEISER_WORKTIME_REPORT_RATE,
    )
