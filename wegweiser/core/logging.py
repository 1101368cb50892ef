"""Operator-facing logging: structured lines for alerting, error mails without personal data.

- `JsonFormatter` (LOG_FORMAT=json): one JSON object per line — time, level, logger, message,
  and for request errors the method, the path *without* query string and the status. A query
  string can carry a navigator situation or a secret token; it never reaches a log line.
- `PrivateExceptionReporter`: the e-mail Django sends to ADMINS for a 500 keeps the traceback
  and the path but drops what a person typed or sent: query string, form fields, cookies, headers.
"""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.views.debug import ExceptionReporter

HIDDEN = "(hidden: personal data)"


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """Django's LOGGING: text or JSON lines on the console, private error mails to ADMINS.

    `log_format` is LOG_FORMAT ("json" or anything else for text), `level` the root level.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
            "json": {"()": "wegweiser.core.logging.JsonFormatter"},
        },
        "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if log_format == "json" else "text",
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["production"],
                "include_html": False,
                "reporter_class": "wegweiser.core.logging.PrivateExceptionReporter",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.request": {"handlers": ["console", "mail_admins"], "propagate": False},
        },
    }


def _request_fields(request: HttpRequest) -> dict[str, str | None]:
    return {"method": request.method, "path": request.path}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": _without_query(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry.update(_request_fields(request))
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = "".join(traceback.format_exception(*record.exc_info))[-4000:]
        return json.dumps(entry, ensure_ascii=False)


def _without_query(message: str) -> str:
    """Django's request messages name the path; cut anything after a '?' in it."""
    head, separator, _rest = message.partition("?")
    return head + (" …" if separator else "")


class PrivateExceptionReporter(ExceptionReporter):
    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        # Local variables of the frames can hold form data and personal records.
        for frame in data.get("frames", []):
            frame["vars"] = []
        data["request_GET_items"] = [(HIDDEN, "")] if self.request and self.request.GET else []
        data["filtered_POST_items"] = [(HIDDEN, "")] if self.request and self.request.POST else []
        data["request_FILES_items"] = []
        data["request_COOKIES_items"] = []
        data["request_meta"] = {}
        data["settings"] = {}
        if self.request is not None and getattr(self.request, "user", None) is not None:
            data["user_str"] = f"user #{self.request.user.pk}"  # not the e-mail address
        return data

    def get_traceback_text(self) -> SafeString:
        text = super().get_traceback_text()
        if self.request is not None and self.request.META.get("QUERY_STRING"):
            # Plain text for the mail body; only a query string is replaced by a fixed note.
            return mark_safe(text.replace(self.request.META["QUERY_STRING"], HIDDEN))
        return text
