from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "wegweiser.learning"
    label = "learning"

    def ready(self) -> None:
        from wegweiser.core.registry import Section, register_municipality_section

        register_municipality_section(
            Section(
                key="learning",
                template="learning/municipality_section.html",
                provider=municipality_links,
                order=70,
            )
        )


def municipality_links(request, municipality):
    """Links from the municipality page: the rights pages for everyone, courses for members."""
    from .access import may_take_courses

    return {
        "municipality": municipality,
        "members": may_take_courses(request.user, municipality),
    }
