from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegweiser.core.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files by a `wegweiser backup` archive. "
        "Stop the app servers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")
        parser.add_argument(
            "--yes", action="store_true", help="really replace everything (else: only show)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        try:
            manifest = read_manifest(archive)
            self.stdout.write(
                f"{archive.name}: {manifest['engine']}, made {manifest['created_at']}, "
                f"{len(manifest['migrations'])} migrations"
            )
            if not options["yes"]:
                self.stdout.write("Nothing changed. Add --yes to replace database and files.")
                return
            restore_backup(archive)
        except (BackupError, OSError, KeyError) as error:
            raise CommandError(f"restore failed: {error}") from error
        self.stdout.write(self.style.SUCCESS("Restored. Run `wegweiser migrate` if code is newer."))
