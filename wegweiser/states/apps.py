from django.apps import AppConfig


class StatesConfig(AppConfig):
    name = "wegweiser.states"
    label = "states"

    def ready(self) -> None:
        from wegweiser.core.registry import (
            Section,
            register_dashboard_section,
            register_municipality_section,
        )

        from . import sections

        register_municipality_section(
            Section("states", "states/sections/public.html", sections.public_section, order=90)
        )
        register_dashboard_section(
            Section(
                "states", "states/sections/dashboard.html", sections.dashboard_section, order=15
            )
        )
