"""Print the pinned dependencies of pyproject.toml (runtime and dev) as a requirements file.

pip-audit then checks exactly these versions (.ci/run), not whatever happens to be installed.
"""

import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
pins = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
for pin in pins:
    if "==" not in pin:
        raise SystemExit(f"not pinned: {pin}")
    print(pin)
