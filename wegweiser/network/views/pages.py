"""What several network pages share."""

from __future__ import annotations

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..access import NetworkAccess


def form_page(
    request: HttpRequest, template: str, net: NetworkAccess, form: BaseForm, **context: object
) -> HttpResponse:
    """A form page of the network: 400 when a sent form has errors, so that tests and tools see it."""
    return render(
        request,
        template,
        {"net": net, "network": net.network, "form": form, **context},
        status=400 if form.errors else 200,
    )
