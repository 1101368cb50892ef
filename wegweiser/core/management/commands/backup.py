from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegweiser.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the database and the uploaded files into one archive (restore: `wegweiser restore`)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            default=str(Path(settings.VAR_DIR) / "backups"),
            help="directory for the archive (default: var/backups)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            archive = create_backup(Path(options["output"]))
        except (BackupError, OSError) as error:
            raise CommandError(f"backup failed: {error}") from error
        self.stdout.write(str(archive))
