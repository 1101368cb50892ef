from django.apps import AppConfig


class GuidebookExportsConfig(AppConfig):
    name = "wegweiser.guidebook.exports"
    label = "guidebook_exports"
    verbose_name = "Guidebook exports and exchange"

    def ready(self) -> None:
        from wegweiser.core.registry import (
            Section,
            register_dashboard_section,
            register_municipality_section,
        )

        from . import sections, signals

        signals.connect()

        register_municipality_section(
            Section(
                key="guidebook_exports",
                template="guidebook/exports/section_municipality.html",
                provider=sections.municipality_downloads,
                order=80,
            )
        )
        register_dashboard_section(
            Section(
                key="guidebook_exports",
                template="guidebook/exports/section_dashboard.html",
                provider=sections.dashboard_downloads,
                order=80,
            )
        )
