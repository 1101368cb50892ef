"""Case documents: type sniffed from the content, encrypted on disk, outside the web root."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .crypto import fernet
from .models import Case, CaseDocument

# Signature → (kind, content type). Only what a counselling file needs; no HTML, no SVG, no Office
# macros: a document is downloaded, never rendered by our pages.
SIGNATURES = [
    (b"%PDF-", "pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpeg", "image/jpeg"),
]
CONTENT_TYPES = {kind: content_type for _sig, kind, content_type in SIGNATURES}


class DocumentRefused(ValueError):
    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def sniff(head: bytes) -> str | None:
    return next((kind for signature, kind, _ct in SIGNATURES if head.startswith(signature)), None)


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
    kind = sniff(raw[:16])
    if kind is None:
        raise DocumentRefused(_("Only PDF, PNG and JPEG files can be kept in a case."))
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
