from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "wegweiser.demo"
    label = "demo"
