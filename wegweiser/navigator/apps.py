from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    name = "wegweiser.navigator"
    label = "navigator"
