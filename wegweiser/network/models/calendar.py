"""Calendar subscriptions and the log that keeps reminders from being sent twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from wegweiser.core.tokens import new_secret


class CalendarFeed(models.Model):
    """A personal calendar subscription. The token must be shown again, so it is stored; a reset
    replaces it and the old URL stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"feed of {self.user_id}"

    @staticmethod
    def new_token() -> str:
        return new_secret()


class ReminderLog(models.Model):
    """What `send_reminders` has sent, so the same reminder never goes out twice."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
