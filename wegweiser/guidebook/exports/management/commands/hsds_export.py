"""wegweiser hsds_export --municipality SLUG [FILE]: the formal guidebook as HSDS 3.0 JSON."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from wegweiser.core.models import Municipality
from wegweiser.guidebook.exports.hsds import export_document


class Command(BaseCommand):
    help = (
        "Write a municipality's formal guidebook as Open Referral HSDS 3.0 JSON (stdout or FILE)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="output file (default: standard output)")
        parser.add_argument("--municipality", required=True, help="slug of the municipality")

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"Unknown municipality: {options['municipality']}")
        text = json.dumps(export_document(municipality), ensure_ascii=False, indent=2)
        if options["file"]:
            with open(options["file"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Written to {options['file']}")
        else:
            self.stdout.write(text)
