"""wegweiser hsds_import FILE --municipality SLUG [--dry-run]: import HSDS 3.0 data."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from wegweiser.core.models import Municipality
from wegweiser.guidebook.exports.hsds_import import import_hsds, max_bytes


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 file into a municipality's guidebook. All or nothing: every rejected "
        "record is reported with its reason and nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="HSDS JSON file ('-' for standard input)")
        parser.add_argument("--municipality", required=True, help="slug of the municipality")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and report, change nothing"
        )
        parser.add_argument(
            "--default-actor-type",
            help="actor type key for organizations without one (plain HSDS data)",
        )

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"Unknown municipality: {options['municipality']}")
        if options["file"] == "-":
            import sys

            raw = sys.stdin.buffer.read(max_bytes() + 1)
        else:
            try:
                with open(options["file"], "rb") as handle:
                    raw = handle.read(max_bytes() + 1)
            except OSError as error:
                raise CommandError(f"Cannot read {options['file']}: {error}") from error
        report = import_hsds(
            raw,
            municipality,
            dry_run=options["dry_run"],
            default_actor_type=options["default_actor_type"],
        )
        for problem in report.warnings:
            self.stderr.write(f"warning: {problem}")
        if not report.ok:
            for problem in report.errors:
                self.stderr.write(f"rejected: {problem}")
            raise CommandError(
                f"{len(report.errors)} problem(s) found; nothing was imported into "
                f"{municipality.slug}."
            )
        verb = "would be" if report.dry_run else "were"
        self.stdout.write(
            f"{len(report.created)} organisation(s) {verb} created, "
            f"{len(report.updated)} updated in {municipality.slug}."
            + (" (dry run: nothing changed)" if report.dry_run else "")
        )
