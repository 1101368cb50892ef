"""Retention purge: run daily from cron (see README, Counselling cases)."""

from django.core.management.base import BaseCommand

from wegweiser.cases import services


class Command(BaseCommand):
    help = (
        "Destroy the personal data of closed cases whose retention period has passed (per "
        "organisation, default 3 years after closing); the statistics categories are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be purged; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        due = services.purge_due()
        for case in due:
            self.stdout.write(
                f"{'would purge' if dry_run else 'purged'}: {case.code} "
                f"({case.organization.name}, closed {case.closed_on.isoformat()})"
            )
            if not dry_run:
                services.purge_case(case)
        self.stdout.write(f"{len(due)} case(s) {'due for purging' if dry_run else 'purged'}.")
