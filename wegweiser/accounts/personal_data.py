"""A person's data: export (GDPR Art. 15/20) and account deletion (Art. 17), one registry for all.

Each app that keeps data about a person adds a module `personal_data.py` that registers
  @exporter("network")         def ...(user) -> JSON-ready data of this app about the person
  @deletion_note("network")    def ...() -> str   what deleting the account does to this app's records
The registry finds those modules itself (like Django's admin.py), so no other file changes when
an app joins. The export is the union of every section; the deletion page lists every note.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

if TYPE_CHECKING:
    from .models import User

Exporter = Callable[[Any], Any]
_exporters: dict[str, Exporter] = {}
_deletion_notes: dict[str, Callable[[], str]] = {}
_discovered = False

FORMAT = "wegweiser-personal-data"
VERSION = 1


def exporter(section: str) -> Callable[[Exporter], Exporter]:
    def register(function: Exporter) -> Exporter:
        _exporters[section] = function
        return function

    return register


def deletion_note(section: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def register(function: Callable[[], str]) -> Callable[[], str]:
        _deletion_notes[section] = function
        return function

    return register


def _discover() -> None:
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True


def sections() -> list[str]:
    _discover()
    return sorted(_exporters)


def plain(value: Any) -> Any:
    """JSON-ready copy: dates as ISO text, UUIDs and decimals as text, nested lists and dicts."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(item) for item in value]
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def export_for(user: User) -> dict[str, Any]:
    _discover()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "sections": {name: plain(_exporters[name](user)) for name in sorted(_exporters)},
    }


def deletion_notes() -> list[tuple[str, str]]:
    _discover()
    return [(name, str(_deletion_notes[name]())) for name in sorted(_deletion_notes)]


def history_by(user: User) -> list[dict[str, Any]]:
    """Every recorded change the person made, in every app with history (who, when, what)."""
    from simple_history.models import registered_models

    changes = []
    for model in registered_models.values():
        history = model.history.model
        for record in history.objects.filter(history_user_id=user.pk).order_by("history_date"):
            changes.append(
                {
                    "record": model._meta.label,
                    "id": getattr(record, model._meta.pk.attname),
                    "when": record.history_date,
                    "change": {"+": "created", "~": "changed", "-": "deleted"}.get(
                        record.history_type, record.history_type
                    ),
                    "reason": record.history_change_reason or "",
                }
            )
    return sorted(changes, key=lambda change: change["when"])


# --- what the accounts app keeps ----------------------------------------------------------------


@exporter("account")
def _account(user: User) -> dict[str, Any]:
    from django_otp import devices_for_user

    from .models import ApiToken, Membership

    return {
        "email": user.email,
        "name": user.name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "platform_administrator": user.is_staff,
        "memberships": [
            {
                "role": membership.role,
                "municipality": membership.municipality.name if membership.municipality else None,
                "state": membership.state.name if membership.state else None,
                "organisation": membership.organization.name if membership.organization else None,
                "valid_from": membership.valid_from,
                "valid_until": membership.valid_until,
            }
            for membership in Membership.objects.filter(user=user).select_related(
                "municipality", "state", "organization"
            )
        ],
        "api_tokens": [
            {
                "name": token.name,
                "starts_with": token.prefix,
                "created_at": token.created_at,
                "last_used_at": token.last_used_at,
                "revoked_at": token.revoked_at,
            }
            for token in ApiToken.objects.filter(user=user)
        ],
        "second_factor_devices": [
            {"name": device.name, "confirmed": device.confirmed}
            for device in devices_for_user(user, confirmed=None)
        ],
    }


@exporter("login_records")
def _login_records(user: User) -> list[dict[str, Any]]:
    """Logins and failed attempts kept for throttling (django-axes; deleted after 30 days)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    records: list[dict[str, Any]] = []
    for model, kind, when in (
        (AccessLog, "login", "attempt_time"),
        (AccessFailureLog, "failed login", "attempt_time"),
        (AccessAttempt, "failed logins counted", "attempt_time"),
    ):
        for row in model.objects.filter(username=user.email):
            records.append(
                {
                    "kind": kind,
                    "when": getattr(row, when),
                    "address": row.ip_address,
                    "browser": row.user_agent,
                }
            )
    return records


@exporter("changes")
def _changes(user: User) -> list[dict[str, Any]]:
    return history_by(user)


@exporter("reads_of_internal_data")
def _reads(user: User) -> list[dict[str, Any]]:
    """What internal data the person opened (the log coordinators see; kept for a limited time)."""
    from .reads import reads_by

    return reads_by(user)


@deletion_note("account")
def _account_note() -> str:
    from django.utils.translation import gettext as _

    return _(
        "Your account, your memberships and roles, your API tokens, your authenticator and your "
        "login records are deleted. Changes you made to guidebooks, meetings and minutes stay (a "
        "network's records must remain traceable) but no longer name you."
    )


@deletion_note("reads_of_internal_data")
def _reads_note() -> str:
    from django.utils.translation import gettext as _

    return _(
        "Your reads of internal data stay in the municipality's log without your name until they "
        "are deleted at the end of the retention period."
    )


def delete_account(user: User) -> None:
    """Delete the person's account and what only serves it; authorship elsewhere becomes empty.

    Foreign keys to the user either cascade (memberships, tokens, participations, calendar feed)
    or are set to NULL (who created a meeting, who approved minutes, history authorship).
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.db import transaction
    from simple_history.models import registered_models

    pk = user.pk
    with transaction.atomic():
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username=user.email).delete()
        user.delete()
        # Records deleted with the account (her participations) were written to history during
        # the deletion, with her as author: no row may name the deleted account.
        for model in registered_models.values():
            model.history.model.objects.filter(history_user_id=pk).update(history_user=None)
