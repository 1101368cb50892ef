from django.core.management.base import BaseCommand

from wegweiser.network.services import send_reminders


class Command(BaseCommand):
    help = "E-mail meeting reminders (two days ahead) and overdue tasks. Safe to run repeatedly."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(
            f"meeting reminders: {sent['meetings']}, overdue task reminders: {sent['overdue']}"
        )
