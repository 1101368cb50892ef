"""Helpers shared by the guidebook's pages: which version a page shows, answers to bad input."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from wegweiser.core.models import Municipality

from ..access import may_see_internal


class BadRequest(Exception):
    pass


class LoginRequired(Exception):
    pass


def internal_version(request: HttpRequest, municipality: Municipality) -> bool:
    """Which version a page shows. Members default to the internal version; ?version=public
    previews the public one. Asking for the internal version without access: login or 404."""
    version = request.GET.get("version", "")
    if version not in ("", "public", "internal"):
        raise BadRequest(_("Unknown version. Use “public” or “internal”."))
    allowed = may_see_internal(request.user, municipality)
    if version == "internal" and not allowed:
        if not request.user.is_authenticated:
            raise LoginRequired
        raise Http404
    if version == "public":
        return False
    return allowed


def guard(view):
    """Turn the access exceptions above into answers (400 page, login redirect)."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return render(
                request,
                "core/error.html",
                {"status": 400, "title": _("Bad request"), "message": str(error)},
                status=400,
            )
        except LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def bad(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """Re-render a form with its errors, answering 400."""
    return render(request, template, context, status=400)


def saved_message(request: HttpRequest, by_coordinator: bool, waits: bool = False) -> None:
    if by_coordinator:
        messages.success(request, _("The entry was saved."))
    elif waits:
        messages.success(
            request,
            _(
                "Your change was saved and waits for the coordinator's approval. Until then the "
                "guidebook keeps showing the published version."
            ),
        )
    else:
        messages.success(
            request,
            _(
                "Your change was saved. The coordinator will review and publish it; until then "
                "the entry is not shown in the guidebook."
            ),
        )


def detail_url(municipality, organization) -> str:
    return reverse("guidebook:detail", kwargs={"slug": municipality.slug, "pk": organization.pk})
