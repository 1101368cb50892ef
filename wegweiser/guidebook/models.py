"""The guidebook: actors (organisations), their mandates and contact persons.

Shaped after Open Referral HSDS 3.0: Organization → MandateItem (the HSDS "service" facets of an
actor's mandate) → Location, ContactPerson. Vocabulary (actor types, needs) is shared platform-wide
and translated once; mandate texts are editor content with per-language translation rows.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wegweiser.core.i18n import current_language


def localized(values: dict[str, str] | None, language: str | None = None) -> str:
    """Pick the text for the active language from a {language: text} dict; fall back to de, en."""
    if not values:
        return ""
    language = current_language(language)
    for code in (language, "de", "en"):
        if values.get(code):
            return values[code]
    return next(iter(values.values()), "")


class ActorType(models.Model):
    """A kind of actor (job centre, police, …) with a default mandate template."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    name = models.JSONField(_("name (per language)"), default=dict)
    summary = models.JSONField(_("summary (per language)"), default=dict, blank=True)
    target_group = models.BooleanField(_("target group of the concept"), default=False)
    counselling = models.BooleanField(_("counselling service"), default=False)
    public_body = models.BooleanField(_("public body"), default=True)
    # Default mandate items as loaded from data/actor_types.json (list of dicts).
    mandate_template = models.JSONField(_("mandate template"), default=list, blank=True)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("actor type")
        verbose_name_plural = _("actor types")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.name) or self.key


class Need(models.Model):
    """A situation or need of a worker; shared by the guidebook and the navigator."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    label = models.JSONField(_("professional wording (per language)"), default=dict)
    plain = models.JSONField(_("plain wording (per language)"), default=dict)
    acute = models.BooleanField(_("may mean acute danger"), default=False)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self.label) or self.key

    @property
    def plain_text(self) -> str:
        return localized(self.plain) or self.text


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    NETWORK = "network", _("network members only")


class OrganizationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("waiting for approval")
    PUBLISHED = "published", _("published")


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def published(self) -> OrganizationQuerySet:
        """Published and not archived: what the public guidebook shows."""
        return self.filter(status=OrganizationStatus.PUBLISHED, archived_at__isnull=True)

    def current(self) -> OrganizationQuerySet:
        """Not archived (any status)."""
        return self.filter(archived_at__isnull=True)

    def serving(self, municipality) -> OrganizationQuerySet:
        return self.filter(municipalities=municipality)


class Organization(models.Model):
    """A concrete actor, e.g. "Jobcenter Musterstadt". May serve several municipalities."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    actor_type = models.ForeignKey(
        ActorType,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("actor type"),
    )
    municipalities = models.ManyToManyField(
        "core.Municipality", related_name="organizations", verbose_name=_("served municipalities")
    )
    # A state-wide actor (ministry, state criminal police office, state-wide counselling): one
    # record, edited by the state coordinator, shown in every municipal guidebook of the state.
    state = models.ForeignKey(
        "core.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="state_organizations",
        verbose_name=_("state-wide actor of"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("institutional e-mail"), blank=True)
    phone = models.CharField(_("institutional phone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    # Shelters publish only a "front door" contact: no address in any version.
    confidential_address = models.BooleanField(_("confidential address"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganizationStatus.choices,
        default=OrganizationStatus.DRAFT,
    )
    last_confirmed_at = models.DateField(_("last confirmed on"), null=True, blank=True)
    # Organisations are archived, never deleted (history stays complete).
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    # Normalised text for search (see guidebook/search.py), maintained by signals on every save.
    # search_text holds public fields only; internal_search_text adds network-only fields.
    search_text = models.TextField(_("search text (public)"), blank=True, editable=False)
    internal_search_text = models.TextField(_("search text (internal)"), blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "internal_search_text"])

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["actor_type__order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_stale(self) -> bool:
        if self.last_confirmed_at is None:
            return True
        age = timezone.localdate() - self.last_confirmed_at
        return age.days > settings.WEGWEISER_FRESHNESS_DAYS


class Location(models.Model):
    """Where an organisation receives people (HSDS location + schedule, simplified)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return ", ".join(
            part for part in (self.street, f"{self.postal_code} {self.city}".strip()) if part
        )


class MandateKind(models.TextChoices):
    CAN = "can", _("can do")
    CANNOT = "cannot", _("cannot do")
    LEGAL_BASIS = "legal_basis", _("legal basis")
    DATA_DUTY = "data_duty", _("what happens to the person's data")
    WHEN_TO_INVOLVE = "when_to_involve", _("when to involve")


class NeedRole(models.TextChoices):
    ACTS = "acts", _("acts (has powers)")
    ADVISES = "advises", _("advises")
    MUST_BE_INFORMED = "must_be_informed", _("must be informed")
    CAUTION = "caution", _("caution")


class MandateItem(models.Model):
    """One statement of an organisation's mandate. German text is the source."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="mandate_items",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MandateKind.choices)
    text = models.TextField(_("text (German, source)"))
    # Bumped whenever the German text changes, so translations can be judged up to date or not.
    version = models.PositiveIntegerField(_("version"), default=1)
    source = models.CharField(_("source / legal reference"), max_length=300, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    needs: models.ManyToManyField = models.ManyToManyField(
        Need, through="MandateNeed", related_name="mandate_items", verbose_name=_("needs")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "kind"]
        verbose_name = _("mandate item")
        verbose_name_plural = _("mandate items")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class MandateTranslation(models.Model):
    """A translation of a mandate item; up to date when source_version equals the item's version."""

    item = models.ForeignKey(MandateItem, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))
    source_version = models.PositiveIntegerField(_("translated from version"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "language"], name="one_translation_per_language"
            )
        ]
        verbose_name = _("mandate translation")
        verbose_name_plural = _("mandate translations")

    def __str__(self) -> str:
        return f"{self.language}: {self.text[:60]}"

    @property
    def is_current(self) -> bool:
        return self.source_version >= self.item.version


class MandateNeed(models.Model):
    """Which need a mandate item serves, and in what role."""

    item = models.ForeignKey(MandateItem, on_delete=models.CASCADE, related_name="need_links")
    need = models.ForeignKey(Need, on_delete=models.PROTECT, related_name="mandate_links")
    role = models.CharField(_("role"), max_length=20, choices=NeedRole.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "need"], name="one_role_per_need")]

    def __str__(self) -> str:
        return f"{self.need.key}: {self.role}"


class ContactPersonQuerySet(models.QuerySet["ContactPerson"]):
    def with_consent(self) -> ContactPersonQuerySet:
        """Only people whose consent is recorded and not withdrawn may appear anywhere."""
        return self.filter(consent_given_at__isnull=False, consent_withdrawn_at__isnull=True)


class InternalNote(models.Model):
    """A municipality network's own note on an organisation.

    An organisation (a customs office, a regional counselling service) can serve several
    municipalities; each network keeps its own note, which no other municipality sees or edits.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="internal_notes"
    )
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("internal notes (network only)"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "municipality"], name="one_note_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} / {self.municipality}"


class ContactPerson(models.Model):
    """A named contact at an organisation: informal guidebook only, and only with consent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="contact_persons",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    phone = models.CharField(_("direct line"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    practical_note = models.TextField(_("how to reach them in practice"), blank=True)
    consent_given_at = models.DateField(_("consent given on"), null=True, blank=True)
    consent_how = models.CharField(_("how consent was given"), max_length=200, blank=True)
    consent_withdrawn_at = models.DateField(_("consent withdrawn on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name


class ConfirmationRequest(models.Model):
    """A one-time link e-mailed to an organisation so it confirms or corrects its entry.

    Only a SHA-256 hash of the token is stored; the link works once and expires.
    """

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed as still correct")
        CORRECTIONS = "corrections", _("corrections proposed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="confirmation_requests",
        verbose_name=_("organisation"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    sent_to = models.EmailField(_("sent to"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True, default=""
    )
    message = models.TextField(_("proposed corrections"), blank=True)
    proposed = models.JSONField(_("proposed field values"), default=dict, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("confirmation request")
        verbose_name_plural = _("confirmation requests")

    def __str__(self) -> str:
        return f"{self.organization} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class PendingChange(models.Model):
    """A member's change of a published entry, waiting for the coordinator's approval.

    The live rows stay the published version (pages, search, navigator and exports read them
    unchanged); the change is the submitted form data, applied through the same services when the
    coordinator approves it, or sent back with a comment the member sees.
    """

    class Kind(models.TextChoices):
        ENTRY = "entry", _("organisation and locations")
        MANDATE = "mandate", _("mandate item")
        MANDATE_DELETE = "mandate_delete", _("removal of a mandate item")

    class State(models.TextChoices):
        OPEN = "open", _("waiting for approval")
        RETURNED = "returned", _("sent back")
        APPLIED = "applied", _("approved")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="pending_changes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The mandate item changed or removed (None: the entry itself, or a new mandate item).
    item = models.ForeignKey(
        MandateItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    data = models.JSONField(_("submitted form data"), default=dict)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    comment = models.TextField(_("coordinator's comment"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_kind_display()} ({self.get_state_display()})"
