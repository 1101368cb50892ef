"""Delete entries of the log of reads older than WEGWEISER_READ_LOG_DAYS (normally the periodic
task `purge_read_log` does it; this command runs it at once or counts with --dry-run)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from wegweiser.accounts.reads import expired_reads, purge_reads


class Command(BaseCommand):
    help = (
        "Delete the entries of the log of reads of internal data that are older than "
        "WEGWEISER_READ_LOG_DAYS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="only count, delete nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.WEGWEISER_READ_LOG_DAYS
        if options["dry_run"]:
            count = expired_reads().count()
            self.stdout.write(f"would delete {count} read log entr(y/ies) older than {days} days")
            return
        count = purge_reads()
        self.stdout.write(
            self.style.SUCCESS(f"deleted {count} read log entr(y/ies) older than {days} days")
        )
