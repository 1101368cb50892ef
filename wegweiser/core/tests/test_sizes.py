"""Modules a newcomer can hold in mind (docs/architecture.md, issue 10): a test over the source.

Every module under wegweiser/ except migrations, tests (and conftest.py) and data folders is parsed
with `ast`. A module may have at most 400 lines (else it becomes a package along its sections), a
function or method at most 60 lines from its `def` to its last line (else it is split along its
natural steps). Exceptions are listed below by name with the reason; an entry that is no longer
needed fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]  # wegweiser/
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
SKIPPED_PARTS = {"migrations", "tests", "data", "__pycache__"}
SKIPPED_NAMES = {"conftest.py"}

# Justified for good: module path (relative to wegweiser/) -> reason. Empty today: settings.py is a
# flat list of declarations and stays under the limit.
JUSTIFIED_MODULES: dict[str, str] = {}
# Justified for good: "path:function" -> reason.
JUSTIFIED_FUNCTIONS: dict[str, str] = {}

# Debt of the branches that were open while issue 10 landed, named by owner area. The lead removes
# an entry after merging the owner's branch and splitting the function; never add one for new code.
ISSUE_10_DEBT: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not SKIPPED_PARTS.intersection(path.relative_to(PACKAGE).parts)
        and path.name not in SKIPPED_NAMES
    )


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [
        node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def measure() -> tuple[dict[str, int], dict[str, int]]:
    """(long modules -> lines, long functions "path:name" -> lines) of the whole package."""
    long_modules: dict[str, int] = {}
    long_functions: dict[str, int] = {}
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE).as_posix()
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES:
            long_modules[name] = lines
        for node in _functions(ast.parse(source, filename=str(path))):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                long_functions[f"{name}:{node.name}"] = length
    return long_modules, long_functions


def test_no_module_over_400_lines():
    long_modules, _functions_ = measure()
    offenders = {
        name: lines for name, lines in long_modules.items() if name not in JUSTIFIED_MODULES
    }
    assert not offenders, (
        f"Modules over {MAX_MODULE_LINES} lines: "
        + ", ".join(f"{name} ({lines})" for name, lines in sorted(offenders.items()))
        + ". Make each a package along its sections (docs/architecture.md, 'Inside an app')."
    )


def test_no_function_over_60_lines():
    _modules_, long_functions = measure()
    allowed = JUSTIFIED_FUNCTIONS.keys() | ISSUE_10_DEBT.keys()
    offenders = {name: n for name, n in long_functions.items() if name not in allowed}
    assert not offenders, (
        f"Functions over {MAX_FUNCTION_LINES} lines: "
        + ", ".join(f"{name} ({lines})" for name, lines in sorted(offenders.items()))
        + ". Split each along its natural steps."
    )


def test_exceptions_are_still_needed():
    long_modules, long_functions = measure()
    stale = sorted(
        [name for name in JUSTIFIED_MODULES if name not in long_modules]
        + [
            name
            for name in JUSTIFIED_FUNCTIONS.keys() | ISSUE_10_DEBT.keys()
            if name not in long_functions
        ]
    )
    assert not stale, f"Remove these exceptions, they are within the limits now: {stale}"


def test_the_measure_can_fail(tmp_path):
    """The counting itself: a 61-line function is found, a 60-line one is not."""
    body = "\n".join(f"    x{i} = {i}" for i in range(59))
    tree = ast.parse(f"def short():\n{body}\n\n\ndef long():\n{body}\n    x = 0\n")
    lengths = {node.name: node.end_lineno - node.lineno + 1 for node in _functions(tree)}
    assert lengths == {"short": 60, "long": 61}
