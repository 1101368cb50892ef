from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "wegweiser.learning"
    label = "learning"
