"""Test helpers shared by all apps: personas, logging in, the route matrix, browser checks.

Personas (DESIGN §9) come from the demo data, across two municipalities and two states:
  anonymous, coordinator / member / counsellor (Musterstadt), outsider (coordinator of
  Beispielstadt), state_coordinator (Rheinland-Pfalz), foreign_state (state coordinator of Hessen),
  state_member (member of the state round table of Rheinland-Pfalz, in no municipality),
  admin (platform administrator).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

PERSONA_EMAILS = {
    "coordinator": "koordination@musterstadt.example.org",
    "member": "jobcenter@musterstadt.example.org",
    "counsellor": "beratung@musterstadt.example.org",
    "outsider": "koordination@beispielstadt.example.org",
    "state_coordinator": "land@rlp.example.org",
    "foreign_state": "land@hessen.example.org",
    "state_member": "lka@rlp.example.org",
    "admin": "admin@example.org",
}
PERSONAS = ["anonymous", *PERSONA_EMAILS]
DEMO_PASSWORD = "wegweiser-demo-2026"

# Answers that count as "denied" for someone who must not see a page. Kept for matrices that state
# a set on purpose; the default expectation is exact (see Route.expected).
DENIED = {302, 401, 403, 404}
# The exact default for a protected route (DESIGN §9, issue 11): anonymous visitors are sent to the
# login page (302, checked by the route test), people of another municipality or state get 404
# (existence is not revealed). The member of the state round table belongs to no municipality:
# every municipal page is foreign to her.
DEFAULT_DENIED = {"anonymous": 302, "outsider": 404, "foreign_state": 404, "state_member": 404}


def login(client, user) -> None:
    """Log a user in, with the second factor verified when the user has an authenticator."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


@dataclass
class Route:
    """One URL name in the permission matrix.

    `kwargs` builds the URL arguments from the test world. `expect` maps persona → status; personas
    left out get the default: 200 for public routes; for protected routes anonymous visitors get a
    login redirect, outsiders and the other state's coordinator 404, everyone else `default`.
    """

    name: str
    public: bool = False
    kwargs: Callable[[Any], dict] | dict = field(default_factory=dict)
    expect: dict[str, int | set[int]] = field(default_factory=dict)
    method: str = "get"
    data: dict | None = None
    default: int | set[int] = 200
    query: str = ""

    def expected(self, persona: str) -> int | set[int]:
        if persona in self.expect:
            return self.expect[persona]
        if self.public:
            return self.default
        if persona in DEFAULT_DENIED:
            return DEFAULT_DENIED[persona]
        return self.default


def chromium_path() -> str | None:
    path = os.environ.get("WEGWEISER_CHROMIUM", "/usr/bin/chromium")
    return path if Path(path).exists() else shutil.which("chromium")


AXE_PATH = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def check_accessibility(page, label: str = "") -> None:
    """Run axe-core (WCAG 2.1 A/AA) on the page and fail with a readable list of violations.

    Waits for the page to finish loading first: a click that navigates returns once the new
    document is requested, and axe running on a document being replaced fails with
    "Cannot read properties of null (reading 'documentElement')".
    """
    page.wait_for_load_state("load")
    violations = page.evaluate(AXE_VIOLATIONS, AXE_TAGS)
    if violations:
        lines = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} → {violation['targets']}"
            for violation in violations
        ]
        raise AssertionError(f"axe-core violations on {label or page.url}:\n" + "\n".join(lines))


# Only the violations, reduced in the page: axe's full result (every passed rule with its nodes)
# took longer to describe and to hand over to Python than to compute. resultTypes still checks
# every rule; it only stops axe from collecting the details of rules that pass.
AXE_VIOLATIONS = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(", ")),
  }));
}"""


def visit(page, url: str) -> None:
    """Open the page in the browser, expect no error status and check it with axe-core."""
    response = page.goto(url)
    assert response.status < 400, url
    check_accessibility(page)


def accept_invitation_in_own_browser(page, mail_body: str, name: str):
    """The invited person opens the link of the invitation e-mail in a browser of her own (axe-core
    loaded) and creates her account; returns her page (close it with `.context.close()`)."""
    found = re.search(r"https?://\S+(/network/invitation/\S+/)", mail_body)
    assert found, "no invitation link in the e-mail"
    link = found.group(1)
    context = page.context.browser.new_context(base_url=page.live_server_url)
    context.add_init_script(path=str(AXE_PATH))
    own = context.new_page()
    visit(own, "/de" + link)
    own.fill("#id_name", name)
    own.fill("#id_password1", "sichere-lange-passphrase")
    own.fill("#id_password2", "sichere-lange-passphrase")
    own.click("main button[type=submit]")
    return own


def screenshot_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-150:] + ".png"


def browser_login(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the real form; answers the 2FA step with the authenticator's current code."""
    from django_otp.oath import totp

    page.goto("/de/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    if "/2fa/" in page.url:
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        page.fill("#id_token", f"{code:06d}")
        page.click("main button[type=submit]")
