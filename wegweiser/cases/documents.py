"""Case documents: type sniffed from the content (core/files.py), encrypted on disk, outside the
web root, always served as a download (never rendered by our pages)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from wegweiser.core.files import ALLOWED_TYPES, sniff

from .crypto import fernet
from .models import Case, CaseDocument


class DocumentRefused(ValueError):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def directory() -> Path:
    path = Path(settings.MEDIA_ROOT) / "cases"
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_of(document: CaseDocument) -> Path:
    return directory() / f"{document.pk}.bin"


@transaction.atomic
def store(case: Case, *, user, title: str, raw: bytes) -> CaseDocument:
    from .services import audit

    if len(raw) > settings.WEGWEISER_MAX_UPLOAD_BYTES:
        raise DocumentRefused(_("The file is too large."))
    content_type = sniff(raw[:512])
    if content_type is None:
        raise DocumentRefused(
            _("Only PDF, PNG, JPEG, ODT, DOCX and text files can be kept in a case.")
        )
    kind = ALLOWED_TYPES[content_type].lstrip(".")
    document = CaseDocument.objects.create(
        case=case,
        title=title.strip() or _("document"),
        kind=kind,
        size=len(raw),
        sha256=hashlib.sha256(raw).hexdigest(),
        uploaded_by=user,
    )
    path_of(document).write_bytes(fernet().encrypt(raw))
    audit(case, user, "document", f"added {kind}")
    return document


def read(document: CaseDocument) -> bytes:
    return fernet().decrypt(path_of(document).read_bytes())


def delete_files(case: Case) -> None:
    for document in case.documents.all():
        path_of(document).unlink(missing_ok=True)


def content_type(document: CaseDocument) -> str:
    extension = "." + document.kind
    return next(
        (name for name, ext in ALLOWED_TYPES.items() if ext == extension),
        "application/octet-stream",
    )
