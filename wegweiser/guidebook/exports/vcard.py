"""Minimal, correct vCard 3.0 (RFC 2426) for contact persons and institutional contacts."""

from __future__ import annotations

from typing import Any

CRLF = "\r\n"


def escape(value: str) -> str:
    """Escape a text value: backslash, comma, semicolon and newlines (RFC 2426 §4)."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold lines longer than 75 octets (continuation lines start with a space)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        limit = 75 if not parts else 74
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return (CRLF + " ").join(parts)


def _card(lines: list[str]) -> str:
    body = ["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"]
    return CRLF.join(_fold(line) for line in body) + CRLF


def _names(full: str, family: str, given: str, organization: str) -> list[str]:
    return [
        f"FN:{escape(full)}",
        f"N:{escape(family)};{escape(given)};;;",
        f"ORG:{escape(organization)}",
    ]


def _reach(phone: str, email: str) -> list[str]:
    """The work phone and e-mail lines, each only when given."""
    lines = []
    if phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{escape(phone)}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{escape(email)}")
    return lines


def person_vcard(person: dict[str, Any], organization: dict[str, Any]) -> str:
    """vCard of a consented contact person (serialized by serializers.py)."""
    name = person["name"].strip()
    parts = name.rsplit(" ", 1)
    family, given = (parts[1], parts[0]) if len(parts) == 2 else (name, "")
    lines = _names(name, family, given, organization["name"])
    if person["function"]:
        lines.append(f"TITLE:{escape(person['function'])}")
    lines += _reach(person["phone"], person["email"])
    if person["practical_note"]:
        lines.append(f"NOTE:{escape(person['practical_note'])}")
    lines.append(f"UID:urn:uuid:{person['id']}")
    return _card(lines)


def organization_vcard(organization: dict[str, Any]) -> str:
    """vCard of an organisation's institutional contact (no address for confidential places)."""
    lines = _names(organization["name"], organization["name"], "", organization["name"])
    lines += _reach(organization["phone"], organization["email"])
    if organization["website"]:
        lines.append(f"URL:{escape(organization['website'])}")
    for location in organization["locations"][:1]:
        lines.append(
            "ADR;TYPE=WORK:;;{};{};;{};DE".format(
                escape(location["street"]),
                escape(location["city"]),
                escape(location["postal_code"]),
            )
        )
    lines.append(f"UID:urn:uuid:{organization['id']}")
    return _card(lines)
