from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wegweiser.accounts"
    label = "accounts"

    def ready(self) -> None:
        from wegweiser.core.registry import Section, register_dashboard_section

        from . import signals  # noqa: F401
        from .sections import roles_section

        # First on the dashboard: who you are here, before what the apps offer.
        register_dashboard_section(
            Section("roles", "core/sections/roles.html", roles_section, order=0)
        )
