"""Files attached to a meeting: size limit and type decided from the content."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from wegweiser.accounts.models import User
from wegweiser.core.files import sniff

from ..models import Meeting, MeetingFile


@transaction.atomic
def store_file(meeting: Meeting, upload: UploadedFile, user: User) -> MeetingFile:
    limit = settings.WEGWEISER_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read()
    content_type = sniff(data[:4096])
    if content_type is None:
        raise ValidationError(
            _("This file type is not accepted. Allowed: PDF, PNG, JPEG, ODT, DOCX and plain text.")
        )
    stored = MeetingFile(
        meeting=meeting,
        name=(upload.name or "file")[-200:],
        content_type=content_type,
        size=len(data),
        uploaded_by=user,
    )
    stored.file.save(stored.id.hex, ContentFile(data), save=False)
    stored.save()
    return stored
