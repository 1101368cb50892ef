from django.apps import AppConfig


def municipality_section(request, municipality):
    """For visitors in a worker language: the counselling services with the languages each
    speaks and a call button, those speaking the visitor's language first (issue 15)."""
    from wegweiser.core.i18n import current_language, is_professional_language
    from wegweiser.guidebook.presentation import languages_of
    from wegweiser.guidebook.selectors import published_counselling_services

    if is_professional_language():
        return {"municipality": municipality}
    language = current_language()
    services = list(published_counselling_services(municipality=municipality))
    services.sort(key=lambda organization: language not in (organization.languages or []))
    shortcuts = [
        {
            "organization": organization,
            "languages": languages_of(organization),
            "speaks": language in (organization.languages or []),
        }
        for organization in services[:3]
        if organization.phone
    ]
    return {"municipality": municipality, "shortcuts": shortcuts}


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
