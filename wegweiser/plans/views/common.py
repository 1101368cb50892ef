"""Helpers shared by the plan pages."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from ..access import NetworkPlanAccess


def _plan_url(access: NetworkPlanAccess) -> HttpResponseRedirect:
    return redirect("plans:plan", slug=access.municipality.slug)


def _base(access: NetworkPlanAccess, **extra) -> dict:
    return {
        "municipality": access.municipality,
        "network": access.network,
        "net": access.net,
        "plan": access.plan,
        "can_write": access.can_write,
        **extra,
    }
