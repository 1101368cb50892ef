"""Keep the normalised search texts and the cached fingerprints current whenever guidebook data
changes."""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .fingerprint import entries_changed, forget_fingerprints
from .models import (
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Organization,
)
from .search import refresh_search_text

_deferred = threading.local()


@contextmanager
def search_refresh_deferred():
    """Collect refreshes and run each organisation's once at the end (bulk imports, benchmarks).

    Inside the block, saves do not refresh the search texts; on leaving it, every organisation
    touched is refreshed once and its municipalities' fingerprints are forgotten once (instead of
    after each of its items, translations and need links).
    """
    outer = getattr(_deferred, "ids", None)
    if outer is not None:
        yield
        return
    _deferred.ids = set()
    try:
        yield
        pending = _deferred.ids
    finally:
        _deferred.ids = None
    entries_changed(pending)
    for organization in Organization.objects.filter(pk__in=pending).select_related("actor_type"):
        refresh_search_text(organization)


def _schedule(organization_id) -> None:
    """Refresh at once (inside the caller's transaction, so a rollback undoes it too)."""
    if organization_id is None:
        return
    pending = getattr(_deferred, "ids", None)
    if pending is not None:
        pending.add(organization_id)
        return
    entries_changed([organization_id])
    organization = (
        Organization.objects.select_related("actor_type").filter(pk=organization_id).first()
    )
    if organization is not None:
        refresh_search_text(organization)


@receiver(post_save, sender=Organization)
def organization_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _schedule(instance.pk)


@receiver([post_save, post_delete], sender=Location)
@receiver([post_save, post_delete], sender=MandateItem)
@receiver([post_save, post_delete], sender=ContactPerson)
def child_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _schedule(instance.organization_id)


@receiver([post_save, post_delete], sender=MandateTranslation)
@receiver([post_save, post_delete], sender=MandateNeed)
def item_child_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    organization_id = (
        MandateItem.objects.filter(pk=instance.item_id).values_list("organization_id", flat=True)
    ).first()
    _schedule(organization_id)


@receiver(m2m_changed, sender=Organization.municipalities.through)
def municipalities_changed(sender, instance, action, pk_set=None, **kwargs):
    if isinstance(instance, Organization):
        _schedule(instance.pk)
        # A municipality the organisation no longer serves must forget it too.
        if action in ("pre_remove", "pre_clear"):
            forget_fingerprints(instance.pk)
