"""wegweiser enqueue NAME [NAME …]: queue periodic tasks for the worker (called by cron/timers).

The names are the keys of settings.WEGWEISER_PERIODIC_TASKS (e.g. send_reminders); `--list` shows
them with their suggested schedule. Queueing returns at once; the worker (`db_worker`) runs them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Queue periodic tasks by name (see settings.WEGWEISER_PERIODIC_TASKS)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("names", nargs="*")
        parser.add_argument("--list", action="store_true", help="list the periodic tasks")

    def handle(self, *args: Any, **options: Any) -> None:
        tasks = settings.WEGWEISER_PERIODIC_TASKS
        if options["list"] or not options["names"]:
            for name, (path, schedule) in tasks.items():
                self.stdout.write(f"{name:32} {schedule:24} {path}")
            return
        unknown = [name for name in options["names"] if name not in tasks]
        if unknown:
            raise CommandError(f"Unknown periodic task(s): {', '.join(unknown)}")
        for name in options["names"]:
            result = import_string(tasks[name][0]).enqueue()
            self.stdout.write(f"{name}: queued ({result.id}, {result.status})")
