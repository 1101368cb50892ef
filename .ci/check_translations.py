"""Fail when a .po file has an empty translation (English is the source language and may be empty)."""

import re
import sys
from pathlib import Path

EMPTY = re.compile(r'\nmsgid "(?:[^"\\]|\\.)+"\nmsgstr ""\n(?!")')
PLURAL_EMPTY = re.compile(r'\nmsgstr\[\d\] ""\n(?!")')

problems = []
for po in sorted(Path("wegweiser").rglob("locale/*/LC_MESSAGES/*.po")):
    if po.parts[-3] == "en":
        continue
    text = po.read_text(encoding="utf-8")
    count = len(EMPTY.findall(text)) + len(PLURAL_EMPTY.findall(text))
    fuzzy = text.count("#, fuzzy") - (1 if text.startswith("# SOME DESCRIPTIVE") or "#, fuzzy\nmsgid \"\"" in text else 0)
    if count:
        problems.append(f"{po}: {count} empty translations")
    if fuzzy > 0:
        problems.append(f"{po}: {fuzzy} fuzzy entries (not compiled; fix or unmark)")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("translations complete")
