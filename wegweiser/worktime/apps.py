from django.apps import AppConfig


class WorktimeConfig(AppConfig):
    name = "wegweiser.worktime"
    label = "worktime"
