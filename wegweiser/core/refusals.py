"""Messages for requests refused for their size (413) or their rate (429).

They live in core because core's catalogue covers every worker language: the anonymous work-time
report API answers workers (DESIGN §7), so a refusal must be readable in their language too. The
language comes from the URL prefix or, for the API, from the Accept-Language header.
"""

from __future__ import annotations

from django.utils.translation import gettext as _


def rate_limited_message(seconds: int) -> str:
    return _("Too many requests from your address. Please try again in %(seconds)s seconds.") % {
        "seconds": seconds
    }


def too_large_message(max_bytes: int) -> str:
    return _("The file is too large for this service (at most %(size)s kB).") % {
        "size": max_bytes // 1024
    }


def too_many_entries_message(max_entries: int) -> str:
    return _("The file has too many entries for this service (at most %(count)s).") % {
        "count": max_entries
    }
