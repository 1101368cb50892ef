"""Data of the state level that no lower app owns: the state's template of municipal entries."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryTemplate(models.Model):
    """The state's template of a municipal guidebook entry of one actor type (mandate texts, data
    duties, needs, translations), edited by the state coordinator.

    Its mandate items live on a template organisation that belongs to no guidebook (no municipality,
    not state-wide, never published), so editing reuses the guidebook's mandate forms and history.
    Without a row here, a new municipality's drafts take the shipped template of the actor type.
    """

    state = models.ForeignKey(
        "core.State",
        on_delete=models.CASCADE,
        related_name="entry_templates",
        verbose_name=_("federal state"),
    )
    actor_type = models.ForeignKey(
        "guidebook.ActorType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("actor type"),
    )
    organization = models.OneToOneField(
        "guidebook.Organization",
        on_delete=models.PROTECT,
        related_name="entry_template",
        verbose_name=_("template entry"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["state", "actor_type"], name="one_entry_template_per_actor_type"
            )
        ]
        verbose_name = _("entry template")
        verbose_name_plural = _("entry templates")

    def __str__(self) -> str:
        return f"{self.state_id}: {self.actor_type.key}"
