from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "wegweiser.network"
    label = "network"

    def ready(self) -> None:
        from wegweiser.core.registry import (
            Section,
            register_dashboard_section,
            register_municipality_section,
            register_organization_section,
        )

        from . import sections

        register_municipality_section(
            Section("network", "network/sections/public.html", sections.public_section, order=20)
        )
        register_dashboard_section(
            Section(
                "network", "network/sections/dashboard.html", sections.dashboard_section, order=20
            )
        )
        register_organization_section(
            Section("agreements", "guidebook/sections/agreements.html", sections.actor_agreements)
        )
