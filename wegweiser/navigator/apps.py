from django.apps import AppConfig


def municipality_section(request, municipality):
    return {"municipality": municipality}


class NavigatorConfig(AppConfig):
    name = "wegweiser.navigator"
    label = "navigator"

    def ready(self) -> None:
        from wegweiser.core.registry import Section, register_municipality_section

        # Prominent: workers reach the counselling services in two taps from the municipality page.
        register_municipality_section(
            Section(
                key="navigator",
                template="navigator/sections/municipality.html",
                provider=municipality_section,
                order=10,
            )
        )
