"""Demo data: a state with two municipalities, their networks and one account per role.

Idempotent: running it again updates what exists and creates what is missing; passwords of existing
accounts are never changed. Every app adds its part through `wegweiser/<app>/demo.py` with a
function `load(ctx)`, called in dependency order.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegweiser.accounts.models import Membership, Role, User
from wegweiser.core.models import Municipality, State
from wegweiser.core.services import ensure_states
from wegweiser.guidebook.signals import search_refresh_deferred

DEMO_PASSWORD = "wegweiser-demo-2026"
# Fixed keys keep the demo authenticators stable across runs (`wegweiser totp EMAIL` shows a code).
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"

APPS_IN_ORDER = [
    "guidebook",
    "network",
    "plans",
    "navigator",
    "worktime",
    "cases",
    "learning",
    "states",
]

MUNICIPALITIES = [
    # slug, name, AGS (fictional: district 999 does not exist in Rheinland-Pfalz)
    ("musterstadt", "Musterstadt", "07999001"),
    ("beispielstadt", "Beispielstadt", "07999002"),
]

# email, name, role, municipality slug (None for state level), actor type key of the organisation
ACCOUNTS = [
    (
        "koordination@musterstadt.example.org",
        "Miriam Koordinatorin",
        Role.COORDINATOR,
        "musterstadt",
        "integration_commissioner",
    ),
    (
        "jobcenter@musterstadt.example.org",
        "Jonas Jobcenter",
        Role.MEMBER,
        "musterstadt",
        "jobcenter",
    ),
    (
        "beratung@musterstadt.example.org",
        "Bianca Beraterin",
        Role.COUNSELLOR,
        "musterstadt",
        "counselling_service",
    ),
    (
        "koordination@beispielstadt.example.org",
        "Bernd Beispiel",
        Role.COORDINATOR,
        "beispielstadt",
        "integration_commissioner",
    ),
    ("land@rlp.example.org", "Lena Landeskoordination", Role.STATE_COORDINATOR, None, None),
    # A member of the state round table of Rheinland-Pfalz (network/demo.py links her office).
    ("lka@rlp.example.org", "Lara Landeskriminalamt", Role.MEMBER, None, None),
]
ADMIN_EMAIL = "admin@example.org"


@dataclass
class DemoContext:
    state: State
    municipalities: dict[str, Municipality]
    users: dict[str, User] = field(default_factory=dict)
    organizations: dict[tuple[str, str], object] = field(default_factory=dict)
    created_accounts: list[str] = field(default_factory=list)
    password: str = DEMO_PASSWORD


def app_loaders() -> Iterator[tuple[str, ModuleType]]:
    """Each app's demo module in order; an app without one adds nothing (navigator, worktime)."""
    for app in APPS_IN_ORDER:
        name = f"wegweiser.{app}.demo"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise  # the demo module exists but imports something missing
            continue
        yield app, module


@transaction.atomic
def load_demo(password: str = DEMO_PASSWORD) -> DemoContext:
    ensure_states()
    state = State.objects.get(code="07")
    municipalities = {}
    for slug, name, ags in MUNICIPALITIES:
        municipality, _ = Municipality.objects.update_or_create(
            slug=slug, defaults={"name": name, "ags": ags, "state": state}
        )
        municipalities[slug] = municipality
    ctx = DemoContext(state=state, municipalities=municipalities, password=password)
    loaders = list(app_loaders())
    # Each organisation's search text is computed once at the end, not after every one of its
    # mandate items, translations and need links (that was most of the demo's load time, paid
    # again by every browser test, which reloads the demo after the database is emptied).
    with search_refresh_deferred():
        # The guidebook comes first: memberships point at its organisations.
        for app, module in loaders:
            if app == "guidebook":
                module.load(ctx)
        _load_accounts(ctx)
        for app, module in loaders:
            if app != "guidebook":
                module.load(ctx)
    return ctx


def _load_accounts(ctx: DemoContext) -> None:
    for email, name, role, slug, actor_type in ACCOUNTS:
        user = _ensure_user(ctx, email, name)
        organization = ctx.organizations.get((slug, actor_type)) if slug and actor_type else None
        Membership.objects.update_or_create(
            user=user,
            role=role,
            municipality=ctx.municipalities[slug] if slug else None,
            state=None if slug else ctx.state,
            defaults={"organization": organization},
        )
        if role in (Role.COORDINATOR, Role.COUNSELLOR, Role.STATE_COORDINATOR):
            ensure_totp(user)
    admin = _ensure_user(ctx, ADMIN_EMAIL, "Paula Plattform", is_staff=True, is_superuser=True)
    ensure_totp(admin)


def _ensure_user(ctx: DemoContext, email: str, name: str, **flags: Any) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, ctx.password, name=name, **flags)
        ctx.created_accounts.append(email)
    ctx.users[email] = user
    return user


def ensure_totp(user: User) -> None:
    TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Demo", "key": DEMO_TOTP_KEY}
    )
