"""When the guidebook changes, queue new renders of the PDFs readers have asked for.

Collected per transaction and queued once after commit, as one task: the task (not the request
that saved) compares fingerprints and queues the renders that are needed.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wegweiser.guidebook.models import (
    ContactPerson,
    Location,
    MandateItem,
    MandateNeed,
    MandateTranslation,
    Organization,
)

_pending = threading.local()


def _organization_id(instance) -> object:
    if isinstance(instance, Organization):
        return instance.pk
    if isinstance(instance, MandateTranslation):
        return (
            MandateItem.objects.filter(pk=instance.item_id)
            .values_list("organization_id", flat=True)
            .first()
        )
    if isinstance(instance, MandateNeed):
        return (
            MandateItem.objects.filter(pk=instance.item_id)
            .values_list("organization_id", flat=True)
            .first()
        )
    return getattr(instance, "organization_id", None)


def _flush() -> None:
    ids = getattr(_pending, "organizations", None) or set()
    _pending.organizations = None
    if not ids:
        return  # an earlier callback of the same commit has queued them already
    municipality_ids = set(
        Organization.municipalities.through.objects.filter(organization_id__in=ids).values_list(
            "municipality_id", flat=True
        )
    )
    if municipality_ids:
        from .tasks import queue_guidebook_pdfs

        queue_guidebook_pdfs.enqueue(sorted(municipality_ids))


def guidebook_changed(sender, instance, **kwargs) -> None:
    organization_id = _organization_id(instance)
    if organization_id is None:
        return
    if getattr(_pending, "organizations", None) is None:
        _pending.organizations = set()
    _pending.organizations.add(organization_id)
    # A callback per change, not per transaction: when a transaction rolls back, its callbacks are
    # dropped while the collected ids stay; a single callback registered then would never run and
    # no later change of this thread would be queued. The first callback after a commit queues
    # everything collected; the others find nothing left.
    transaction.on_commit(_flush)


def connect() -> None:
    for model in (
        Organization,
        Location,
        MandateItem,
        MandateTranslation,
        MandateNeed,
        ContactPerson,
    ):
        post_save.connect(
            guidebook_changed, sender=model, dispatch_uid=f"pdfs-save-{model.__name__}"
        )
        post_delete.connect(
            guidebook_changed, sender=model, dispatch_uid=f"pdfs-delete-{model.__name__}"
        )
    m2m_changed.connect(
        guidebook_changed,
        sender=Organization.municipalities.through,
        dispatch_uid="pdfs-municipalities",
    )
