"""People, their memberships (roles live here, never on the user) and API tokens."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wegweiser.core.tokens import hash_secret, new_secret


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with e-mail address and password."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("platform administrator"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name


class Role(models.TextChoices):
    MEMBER = "member", _("network member")
    COORDINATOR = "coordinator", _("network coordinator")
    COUNSELLOR = "counsellor", _("counsellor")
    STATE_COORDINATOR = "state_coordinator", _("state coordinator")


# Roles whose holders must log in with a second factor (DESIGN §2).
PRIVILEGED_ROLES = {Role.COORDINATOR, Role.COUNSELLOR, Role.STATE_COORDINATOR}


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self, on: datetime.date | None = None) -> MembershipQuerySet:
        day = on or timezone.localdate()
        return self.filter(valid_from__lte=day).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )


class Membership(models.Model):
    """A person's role in one municipality (or, for state coordinators and members of the state
    round table, one state)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("municipality"),
    )
    state = models.ForeignKey(
        "core.State",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("federal state"),
    )
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # A state coordinator belongs to a state; a member either to a municipality or to the
            # state round table (a network of the state); everyone else to a municipality.
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(role="state_coordinator", state__isnull=False, municipality__isnull=True)
                    | Q(role="member", state__isnull=False, municipality__isnull=True)
                    | (
                        ~Q(role="state_coordinator")
                        & Q(municipality__isnull=False, state__isnull=True)
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        scope = self.municipality or self.state
        return f"{self.user.name}: {self.get_role_display()} ({scope})"

    @property
    def is_privileged(self) -> bool:
        return self.role in PRIVILEGED_ROLES


class ApiToken(models.Model):
    """A token for integrations. Only its hash is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(raw: str) -> str:
        return hash_secret(raw)

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[ApiToken, str]:
        raw = new_secret("ww_")
        token = cls.objects.create(user=user, name=name, token_hash=cls.hash(raw), prefix=raw[:8])
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> User | None:
        token = (
            cls.objects.select_related("user")
            .filter(token_hash=cls.hash(raw), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if token is None:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user


class ReadKind(models.TextChoices):
    """What kind of internal data was read (wegweiser/accounts/reads.py)."""

    GUIDEBOOK = "guidebook", _("internal guidebook")
    ENTRY = "entry", _("internal guidebook entry")
    CONTACT = "contact", _("contact person")
    PDF = "pdf", _("internal guidebook PDF")
    MINUTES = "minutes", _("case-conference minutes")


class InternalRead(models.Model):
    """One read of a municipality's internal data: who, what (kind and reference), when.

    Never the content, never a search term: the reference is the key of the object read (an
    organisation's or contact person's UUID, a meeting's key) or empty for a whole guidebook.
    Counselling cases keep their own, more detailed audit (cases.AuditEntry). Kept for
    WEGWEISER_READ_LOG_DAYS, then purged (`wegweiser purge_read_log`, periodic task).
    """

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # After an account is deleted the entry stays (the municipality's record) but names nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReadKind.choices)
    ref = models.CharField(_("reference"), max_length=64, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("read of internal data")
        verbose_name_plural = _("reads of internal data")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["municipality", "-at"], name="internalread_town_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.ref}"
