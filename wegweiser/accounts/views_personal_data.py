"""The person's own data: download everything (Art. 15/20 GDPR) and delete the account (Art. 17)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from . import personal_data
from .http import AuthenticatedHttpRequest
from .models import Membership, Role, User


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


@never_cache
@login_required
@require_safe
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everything Wegweiser keeps about the logged-in person, as one JSON file."""
    user = request.user
    data = personal_data.export_for(user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="wegweiser-my-data-{day}.json"'
    return response


def _sole_coordinations(user: User) -> list[str]:
    """Municipalities where the person is the only coordinator (the network would have none)."""
    names = []
    own = Membership.objects.active().filter(user=user, role=Role.COORDINATOR)
    for membership in own.select_related("municipality"):
        others = (
            Membership.objects.active()
            .filter(municipality=membership.municipality, role=Role.COORDINATOR)
            .exclude(user=user)
        )
        if membership.municipality and not others.exists():
            names.append(membership.municipality.name)
    return names


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(user)
        logout(request)
        messages.success(request, _("Your account was deleted."))
        return redirect("core:home")
    context = {
        "form": form,
        "notes": personal_data.deletion_notes(),
        "sole_coordinations": _sole_coordinations(user),
    }
    return render(
        request, "accounts/delete_account.html", context, status=400 if form.errors else 200
    )
