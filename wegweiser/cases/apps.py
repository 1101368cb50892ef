from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "wegweiser.cases"
    label = "cases"

    def ready(self) -> None:
        from wegweiser.core.registry import (
            Section,
            register_dashboard_section,
            register_network_section,
        )

        from . import sections

        register_dashboard_section(
            Section("cases", "cases/sections/dashboard.html", sections.dashboard_section, order=25)
        )
        register_network_section(
            "meeting",
            Section("cases_briefs", "cases/_meeting_briefs.html", sections.meeting_briefs),
        )
