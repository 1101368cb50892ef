from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "wegweiser.learning"
    label = "learning"

    def ready(self) -> None:
        from wegweiser.core.registry import (
            Section,
            register_dashboard_section,
            register_municipality_section,
        )

        register_municipality_section(
            Section(
                key="learning",
                template="learning/municipality_section.html",
                provider=municipality_links,
                order=70,
            )
        )
        register_dashboard_section(
            Section(
                key="learning",
                template="learning/dashboard_section.html",
                provider=dashboard_links,
                order=80,
            )
        )


def municipality_links(request, municipality):
    """Links from the municipality page: the rights pages for everyone, courses for members."""
    from .access import may_take_courses

    return {
        "municipality": municipality,
        "members": may_take_courses(request.user, municipality),
    }


def dashboard_links(request, user):
    """Courses of each municipality where the user is a member, with her completions; coordinators
    also get the figures and the Workshop I kit."""
    from wegweiser.accounts.access import active_memberships
    from wegweiser.accounts.models import Role

    from .models import Enrolment

    places: dict = {}
    for membership in active_memberships(user):
        if membership.municipality_id:
            entry = places.setdefault(
                membership.municipality_id,
                {"municipality": membership.municipality, "manager": False, "completed": 0},
            )
            entry["manager"] |= membership.role == Role.COORDINATOR
    if not places:
        return None
    completed = Enrolment.objects.filter(
        user=user, municipality_id__in=places, completed_at__isnull=False
    ).values_list("municipality_id", flat=True)
    for municipality_id in completed:
        places[municipality_id]["completed"] += 1
    return {"places": sorted(places.values(), key=lambda p: p["municipality"].name)}
