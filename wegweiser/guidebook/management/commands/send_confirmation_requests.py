"""E-mail a one-time confirmation link to every stale guidebook entry (idempotent)."""

from django.core.management.base import BaseCommand

from wegweiser.guidebook.services import send_confirmation_requests


class Command(BaseCommand):
    help = (
        "Send a confirmation request to every published entry not confirmed within "
        "WEGWEISER_FRESHNESS_DAYS, unless a request is still open."
    )

    def handle(self, *args, **options):
        sent = send_confirmation_requests()
        for request in sent:
            self.stdout.write(f"{request.organization.name} → {request.sent_to}")
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} confirmation request(s) sent."))
