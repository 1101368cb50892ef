"""Files of a meeting: upload (type checked from the content) and guarded download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wegweiser.accounts.http import AuthenticatedHttpRequest

from .. import services
from ..access import get_file_for_user, get_meeting_for_user
from ..forms import UploadForm


@login_required
@require_POST
def file_upload(request: AuthenticatedHttpRequest, slug: str, meeting: str) -> HttpResponse:
    item, _net, _w = get_meeting_for_user(request, slug, meeting, write=True)
    back = item.get_absolute_url() + "#files"
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Please choose a file."))
        return redirect(back)
    try:
        services.store_file(item, form.cleaned_data["file"], request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(request, _("The file was uploaded."))
    return redirect(back)


@login_required
@require_safe
def file_download(request: AuthenticatedHttpRequest, slug: str, file: str) -> FileResponse:
    stored = get_file_for_user(request, slug, file)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
