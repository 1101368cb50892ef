"""The schemas an imported HSDS file is checked against: HSDS 3.0 and the Wegweiser profile."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from .profile import ORGANIZATION_EXTENSION, SERVICE_EXTENSION

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "hsds-3.0"
SCHEMA_BASE = "https://schemas.openreferral.org/hsds/3.0/"
MAX_ERRORS_PER_RECORD = 20


@dataclass
class Problem:
    record: str
    reason: str
    field: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"record": self.record, "field": self.field, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.record} {self.field}".strip()
        return f"{where}: {self.reason}" if where else self.reason


# --- schemas ------------------------------------------------------------------------------------


@cache
def validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        with open(path, encoding="utf-8") as handle:
            contents = json.load(handle)
        resources.append(
            (
                SCHEMA_BASE + path.name,
                Resource.from_contents(contents, default_specification=DRAFT202012),
            )
        )
    registry = Registry().with_resources(resources)

    def validator(name: str):
        schema = registry.contents(SCHEMA_BASE + name)
        return Draft202012Validator(
            {"$id": SCHEMA_BASE + name, **schema},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    checker = Draft202012Validator.FORMAT_CHECKER
    return {
        "organization": validator("organization.json"),
        "service": validator("service.json"),
        "taxonomy": validator("taxonomy.json"),
        "taxonomy_term": validator("taxonomy_term.json"),
        "organization_extension": Draft202012Validator(
            ORGANIZATION_EXTENSION, format_checker=checker
        ),
        "service_extension": Draft202012Validator(SERVICE_EXTENSION, format_checker=checker),
    }


def schema_problems(validator, instance, record: str, prefix: str) -> list[Problem]:
    problems = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(part) for part in error.absolute_path)
        problems.append(
            Problem(
                record,
                _("does not match the schema: %(message)s") % {"message": error.message[:300]},
                f"{prefix}/{path}".rstrip("/"),
            )
        )
        if len(problems) >= MAX_ERRORS_PER_RECORD:
            break
    return problems
