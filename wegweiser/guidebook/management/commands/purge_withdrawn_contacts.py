"""Purge the personal data of contact persons whose consent was withdrawn (daily, see deployment)."""

from django.core.management.base import BaseCommand

from wegweiser.guidebook.services.retention import (
    history_rows_with_personal_data,
    purge_due,
    purge_withdrawn_contacts,
)


class Command(BaseCommand):
    help = (
        "Empty name, function, phone, e-mail and notes of contact persons whose consent was "
        "withdrawn more than WEGWEISER_CONTACT_PURGE_DAYS ago, in the record and its history."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count, change nothing")

    def handle(self, *args, **options):
        if options["dry_run"]:
            due = list(purge_due().values_list("pk", flat=True))
            rows = history_rows_with_personal_data(due).count()
            self.stdout.write(f"would purge {len(due)} contact person(s), {rows} history row(s)")
            return
        records, rows = purge_withdrawn_contacts()
        self.stdout.write(
            self.style.SUCCESS(f"purged {records} contact person(s), {rows} history row(s)")
        )
