"""Apps depend downwards only (docs/architecture.md, DESIGN §3): a test over the import graph.

Every non-test module of every app is parsed with `ast` (nothing is imported, so the test is fast and
sees imports inside functions too). An import of `wegweiser.<other>` must point to a lower layer;
an import sideways (two apps of the same layer) or upwards fails with the module and line. Tests may
import anything; the project modules beside the apps (settings, urls, testing) wire them together and
are no app. A new package under wegweiser/ fails until it has a layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # wegweiser/

# Lowest first. Apps of one layer must not import each other. Planned apps are listed already, so a
# new app is checked from its first commit on.
LAYERS: list[set[str]] = [
    {"core"},
    {"accounts"},
    {"guidebook"},
    # the tools of the network: who to call, working together, recording hours
    {"navigator", "network", "worktime"},
    # programmes built on those tools: cases (navigator's indicator check, network's case
    # conferences, worktime's wage report), courses (worktime's wage data), action plans (network)
    {"cases", "learning", "plans"},
    # the state level compares and rolls out everything below it
    {"states"},
    {"api"},
]
# `demo` fills a database with every app's data, so it may import them all; nothing imports it.
# An app's own `demo.py` is one step of it and is checked like `demo`.
TOP = {"demo"}
# Sideways imports of the apps that were being built while issue 10 landed (branches cases,
# learning, plans), as (importing app, imported app). Debt of issue 10: the owner moves the shared
# piece down (guidebook or core) or the lead declares the edge in docs/architecture.md; then the
# entry goes. Never add one for new code.
ALLOWED_FOR_NOW: set[tuple[str, str]] = set()

SKIPPED_DIRS = {"tests", "migrations", "__pycache__"}


def layer_of(app: str) -> int:
    if app in TOP:
        return len(LAYERS)
    for number, apps in enumerate(LAYERS):
        if app in apps:
            return number
    raise LookupError(
        f"wegweiser/{app}/ is in no layer: add it to LAYERS in {Path(__file__).name} and to the "
        "layer list of docs/architecture.md."
    )


def apps() -> list[str]:
    return sorted(
        path.name
        for path in PACKAGE.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name not in {"templates"}
    )


def modules(app: str) -> list[Path]:
    """The app's non-test modules (tests may import anything)."""
    return sorted(
        path
        for path in (PACKAGE / app).rglob("*.py")
        if not SKIPPED_DIRS.intersection(path.relative_to(PACKAGE).parts)
        and not path.name.startswith(("test_", "conftest"))
    )


def imported_apps(path: Path, source: str | None = None) -> list[tuple[str, int]]:
    """(app, line) for each import of `wegweiser.<app>` in a module, relative imports resolved."""
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    if source is None:
        source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            # `from wegweiser import guidebook` names the app in the imported names.
            if module == "wegweiser":
                names = [f"wegweiser.{alias.name}" for alias in node.names]
            else:
                names = [module]
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "wegweiser":
                found.append((parts[1], node.lineno))
    return sorted(found, key=lambda item: item[1])


def violations() -> list[str]:
    known = set(apps())
    problems = []
    for app in sorted(known):
        for path in modules(app):
            relative = str(path.relative_to(PACKAGE.parent))
            as_demo = path.name == "demo.py"
            own = layer_of("demo" if as_demo else app)
            for other, line in imported_apps(path):
                if other == app or other not in known:
                    continue  # project modules (settings, testing) are not apps
                if (app, other) in ALLOWED_FOR_NOW:
                    continue
                theirs = layer_of(other)
                if own == len(LAYERS) or theirs < own:
                    continue
                direction = "sideways" if theirs == own else "upwards"
                lower = ", ".join(sorted(a for a in known if layer_of(a) < own))
                allowed = f"may import only {lower}" if lower else "may import no other app"
                problems.append(
                    f"{relative}:{line}: {app} imports {other} ({direction}; {app} {allowed})"
                )
    return sorted(problems)


def test_every_app_has_a_layer():
    for app in apps():
        layer_of(app)


def test_apps_import_only_lower_layers():
    problems = violations()
    assert not problems, (
        "Apps depend downwards only (docs/architecture.md). Move the code down, or let the higher "
        "app register itself (core/registry.py):\n" + "\n".join(problems)
    )


def test_allowed_for_now_entries_are_still_needed():
    """A debt that was paid must leave the list, so it cannot come back unnoticed.

    Entries of an app that is not in this tree yet (its branch is not merged) wait for it.
    """
    present = set(apps())
    for app, other in sorted(ALLOWED_FOR_NOW):
        if app not in present:
            continue
        imported = {
            name
            for path in modules(app)
            if path.name != "demo.py"
            for name, _line in imported_apps(path)
        }
        assert other in imported, f"{app} no longer imports {other}: remove it from ALLOWED_FOR_NOW"


def test_the_parser_sees_every_form_of_import():
    """Absolute, `import a.b`, `from wegweiser import …` and relative imports, also in functions."""
    source = (
        "from wegweiser.accounts.access import roles_in\n"
        "import wegweiser.guidebook.models\n"
        "from wegweiser import network\n"
        "from . import models\n"
        "def f():\n"
        "    from ..api import api\n"
    )
    parsed = imported_apps(PACKAGE / "core" / "views.py", source)
    assert parsed == [("accounts", 1), ("guidebook", 2), ("network", 3), ("core", 4), ("api", 6)]
