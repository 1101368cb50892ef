from django.apps import AppConfig


class PlansPublicConfig(AppConfig):
    """The public part of the action plan on the worker-facing municipality page.

    A sub-app only so that its few strings have their own catalogues in all worker languages
    (DESIGN §7: a worker page never shows German or English UI text), apart from the plans app's
    professional catalogues in German and English."""

    name = "wegweiser.plans.public"
    label = "plans_public"
