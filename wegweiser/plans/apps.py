from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "wegweiser.plans"
    label = "plans"

    def ready(self) -> None:
        from wegweiser.core.registry import (
            Section,
            register_dashboard_section,
            register_municipality_section,
        )

        from . import indicators, sections

        indicators.register_builtin()
        register_municipality_section(
            Section("plans", "plans/sections/public.html", sections.public_section, order=30)
        )
        register_dashboard_section(
            Section("plans", "plans/sections/dashboard.html", sections.dashboard_section, order=25)
        )
