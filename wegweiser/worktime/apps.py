from django.apps import AppConfig


class WorktimeConfig(AppConfig):
    name = "wegweiser.worktime"
    label = "worktime"

    def ready(self) -> None:
        from wegweiser.core.registry import Section, register_municipality_section

        from . import rules  # noqa: F401  (registers the permission)

        register_municipality_section(
            Section(
                key="worktime",
                template="worktime/municipality_section.html",
                provider=municipality_links,
                order=60,
            )
        )


def municipality_links(request, municipality):
    import datetime as dt
    from urllib.parse import urlencode

    from django.urls import reverse

    from wegweiser.core.i18n import current_language

    return {
        "app_url": reverse("worktime:app") + "?" + urlencode({"m": municipality.slug}),
        "paper_url": reverse("worktime:paper")
        + "?"
        + urlencode(
            {
                "state": municipality.state.subdivision,
                "municipality": municipality.slug,
                "year": dt.date.today().year,
                "language": current_language(),
                "size": "A4",
            }
        ),
    }
