"""The municipality's log of reads of internal data, for its coordinators (issue 11).

Outsiders get 404 and members who are no coordinator 403 (get_municipality_for_user with
write=True): the log names colleagues, so only those who run the network see it.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from wegweiser.core.csv import neutralise
from wegweiser.core.models import Municipality

from .access import get_municipality_for_user
from .http import AuthenticatedHttpRequest
from .models import InternalRead, ReadKind, User
from .reads import readers_of, reads_of

PAGE_SIZE = 50
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReadFilterForm(forms.Form):
    person: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        label=gettext_lazy("Person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=gettext_lazy("all"),
    )
    kind = forms.ChoiceField(label=gettext_lazy("What was read"), required=False)
    since = forms.DateField(label=gettext_lazy("From"), required=False, widget=DATE)
    until = forms.DateField(label=gettext_lazy("Until"), required=False, widget=DATE)

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = readers_of(municipality)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", _("all")), *ReadKind.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end of the period is before its start."))
        return data


def _filtered(
    request: AuthenticatedHttpRequest, slug: str
) -> tuple[Municipality, ReadFilterForm, QuerySet[InternalRead] | None]:
    municipality, _access = get_municipality_for_user(request, slug, write=True)
    form = ReadFilterForm(request.GET or None, municipality=municipality)
    if form.is_bound and not form.is_valid():
        return municipality, form, None
    filters = form.cleaned_data if form.is_bound else {}
    entries = reads_of(
        municipality,
        user=filters.get("person"),
        kind=filters.get("kind") or "",
        since=filters.get("since"),
        until=filters.get("until"),
    )
    return municipality, form, entries


@login_required
@require_safe
def reads(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    municipality, form, entries = _filtered(request, slug)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "municipality": municipality,
        "form": form,
        "page": Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        if entries is not None
        else None,
        "query": query.urlencode(),
        "days": settings.WEGWEISER_READ_LOG_DAYS,
    }
    return render(request, "accounts/reads.html", context, status=400 if entries is None else 200)


@login_required
@require_safe
def reads_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    municipality, _form, entries = _filtered(request, slug)
    if entries is None:
        return HttpResponse(_("The filter is not valid."), status=400, content_type="text/plain")
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads the umlauts as UTF-8 only with the byte-order mark
    writer = csv.writer(buffer)
    writer.writerow([_("When"), _("Person"), _("Organisation"), _("What was read"), _("Reference")])
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow([neutralise(cell) for cell in _row(entry)])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="reads-{municipality.slug}-{stamp}.csv"'
    )
    return response


def _row(entry: InternalRead) -> list[str]:
    return [
        timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M"),
        entry.user.name if entry.user else _("deleted account"),
        entry.organization.name if entry.organization else "",
        entry.get_kind_display(),
        entry.ref,
    ]
