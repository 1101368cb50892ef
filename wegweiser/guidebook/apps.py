from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_vocabulary(sender, plan=None, **kwargs):
    if any(backwards for _migration, backwards in plan or []):
        return  # migrations were unapplied: the tables may lack fields the models have
    from .vocabulary import sync_vocabulary

    sync_vocabulary()
    # Fill search texts of entries that predate them (cheap when all are filled).
    from .models import Organization
    from .search import refresh_search_text

    for organization in Organization.objects.filter(search_text="").select_related("actor_type"):
        refresh_search_text(organization)


class GuidebookConfig(AppConfig):
    name = "wegweiser.guidebook"
    label = "guidebook"

    def ready(self) -> None:
        post_migrate.connect(_sync_vocabulary, sender=self)
        from . import signals  # noqa: F401
        from .sections import register_sections

        register_sections()
