from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_vocabulary(sender, **kwargs):
    from .vocabulary import sync_vocabulary

    sync_vocabulary()


class GuidebookConfig(AppConfig):
    name = "wegweiser.guidebook"
    label = "guidebook"

    def ready(self) -> None:
        post_migrate.connect(_sync_vocabulary, sender=self)
