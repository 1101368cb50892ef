from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wegweiser.demo.services import ACCOUNTS, ADMIN_EMAIL, load_demo


class Command(BaseCommand):
    help = "Load the demo state Rheinland-Pfalz with Musterstadt and Beispielstadt (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off (never on a real installation).",
        )

    def handle(self, *args: Any, force: bool = False, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo accounts have a published password. Refusing to load them with DEBUG off; "
                "use --force only on a throw-away installation."
            )
        ctx = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready: " + ", ".join(m.name for m in ctx.municipalities.values())
            )
        )
        if ctx.created_accounts:
            self.stdout.write(f"New demo accounts (password: {ctx.password}):")
            for email in ctx.created_accounts:
                self.stdout.write(f"  {email}")
        else:
            emails = [a[0] for a in ACCOUNTS] + [ADMIN_EMAIL]
            self.stdout.write(f"Demo accounts exist already, passwords unchanged ({len(emails)}).")
