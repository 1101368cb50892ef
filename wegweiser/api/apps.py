from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "wegweiser.api"
    label = "api"
