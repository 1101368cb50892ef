"""The network of a municipality and the invitations into it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wegweiser.accounts.models import Role
from wegweiser.core.tokens import hash_secret

_hash = hash_secret


class Structure(models.TextChoices):
    NEW = "new", _("new structure")
    ATTACHED = "attached", _("attached to an existing round table")


class Network(models.Model):
    """The network of one municipality (or, for the state level, of one state)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.OneToOneField(
        "core.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network",
        verbose_name=_("municipality"),
    )
    state = models.ForeignKey(
        "core.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="state_networks",
        verbose_name=_("federal state (state-level network)"),
    )
    name = models.CharField(_("name"), max_length=200)
    focus = models.TextField(
        _("focus"),
        blank=True,
        help_text=_("What the network concentrates on, e.g. seasonal work in agriculture."),
    )
    structure = models.CharField(
        _("structure"), max_length=16, choices=Structure.choices, default=Structure.NEW
    )
    attached_to = models.CharField(
        _("existing round table"),
        max_length=200,
        blank=True,
        help_text=_("For example the round table on sexual exploitation or on refugee assistance."),
    )
    public_info = models.TextField(
        _("public information"),
        blank=True,
        help_text=_("Shown on the public page of the municipality. No internal details."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            models.CheckConstraint(
                name="network_has_one_scope",
                condition=Q(municipality__isnull=False, state__isnull=True)
                | Q(municipality__isnull=True, state__isnull=False),
            ),
            # One round table per state: its pages live at /state/<slug>/roundtable/.
            models.UniqueConstraint(
                fields=["state"],
                condition=Q(state__isnull=False),
                name="network_one_round_table_per_state",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_state_level(self) -> bool:
        """The state round table: a network of a state instead of a municipality."""
        return self.municipality_id is None

    @property
    def scope_slug(self) -> str:
        """Network pages live under their municipality's (or state's) address."""
        scope = self.municipality or self.state
        assert scope is not None, "the check constraint guarantees one scope"
        return scope.slug

    @property
    def url_namespace(self) -> str:
        """The same pages serve both scopes: `network:` under /m/<slug>/network/, `roundtable:`
        under /state/<slug>/roundtable/ (one URL module included twice, see network/urls.py)."""
        return "roundtable" if self.is_state_level else "network"

    def url(self, name: str, **kwargs: object) -> str:
        """The address of one of the network's pages, e.g. network.url("actions")."""
        from django.urls import reverse

        return reverse(f"{self.url_namespace}:{name}", kwargs={"slug": self.scope_slug, **kwargs})

    @property
    def meetings_url(self) -> str:
        return self.url("meetings")

    @property
    def actions_url(self) -> str:
        return self.url("actions")

    def membership_scope(self) -> Q:
        """Memberships that make someone a member: of the municipality, or of the state's round
        table (members and the state coordinator, who coordinates it)."""
        if self.municipality_id is not None:
            return Q(municipality_id=self.municipality_id)
        return Q(state_id=self.state_id, municipality__isnull=True)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


INVITABLE_ROLES = [
    (Role.MEMBER.value, Role.MEMBER.label),
    (Role.COORDINATOR.value, Role.COORDINATOR.label),
    (Role.COUNSELLOR.value, Role.COUNSELLOR.label),
]


class Invitation(models.Model):
    """An e-mailed, expiring, single-use invitation to join a network. Only the token's hash is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=32, choices=INVITABLE_ROLES, default="member")
    message = models.TextField(_("personal message"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @staticmethod
    def hash(raw: str) -> str:
        return _hash(raw)

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"
