"""Counselling cases: pseudonymous, encrypted where personal, consent-checked, audited, purged.

A case belongs to one counselling organisation; only that organisation's counsellors see it (see
access.py). Categorical fields (gender, age group, sector, …) stay after the retention purge for
the statistics; everything that could identify a person is encrypted and destroyed by the purge.
Cases keep no django-simple-history copies on purpose: history rows would keep encrypted personal
data beyond the retention period. The audit log (AuditEntry) records who read or changed what.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import (
    OPEN_REFERRAL,
    AgeGroup,
    CameVia,
    CaseStatus,
    ConsentPurpose,
    ExploitationForm,
    Gender,
    HowGiven,
    NationalityGroup,
    Outcome,
    ReferralStatus,
    ResidenceStatus,
    Sector,
    Service,
)
from .crypto import EncryptedJSONField, EncryptedTextField

USER = settings.AUTH_USER_MODEL


class CaseOffice(models.Model):
    """Case settings of one counselling organisation: retention period and lead counsellors.

    Lead counsellors read the audit log. Without a named lead, every counsellor of the organisation
    counts as lead (a small service with one counsellor needs no extra step).
    """

    organization = models.OneToOneField(
        "guidebook.Organization",
        on_delete=models.CASCADE,
        related_name="case_office",
        verbose_name=_("organisation"),
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention period in years after closing"), default=3
    )
    leads: models.ManyToManyField = models.ManyToManyField(
        USER, blank=True, related_name="+", verbose_name=_("leads")
    )

    class Meta:
        verbose_name = _("case office")
        verbose_name_plural = _("case offices")

    def __str__(self) -> str:
        return str(self.organization)


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "guidebook.Organization", on_delete=models.PROTECT, related_name="cases"
    )
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="cases"
    )
    code = models.CharField(_("case code"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    first_contact_on = models.DateField(_("first contact"))
    came_via = models.CharField(
        _("how the person found the service"), max_length=20, choices=CameVia.choices
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN
    )
    nationality_group = models.CharField(
        _("nationality group"),
        max_length=10,
        choices=NationalityGroup.choices,
        default=NationalityGroup.UNKNOWN,
    )
    residence_status = models.CharField(
        _("residence status"),
        max_length=10,
        choices=ResidenceStatus.choices,
        default=ResidenceStatus.UNKNOWN,
        help_text=_("Unknown is treated like unclear."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    exploitation_form = models.CharField(
        _("form of exploitation"),
        max_length=20,
        choices=ExploitationForm.choices,
        default=ExploitationForm.UNCLEAR,
    )
    needs = models.ManyToManyField(
        "guidebook.Need", blank=True, related_name="+", verbose_name=_("needs")
    )
    services_given = models.JSONField(_("services given"), default=list, blank=True)
    outcomes = models.JSONField(_("outcome"), default=list, blank=True)
    # The indicator check: ticked keys and the result of navigator.indicators.assess.
    indicator_check = models.JSONField(_("indicator check"), default=dict, blank=True)
    # Personal data: optional, encrypted at rest, never in lists, search, exports or the API.
    person_name = EncryptedTextField(_("name of the person"), blank=True)
    contact = EncryptedTextField(_("contact details"), blank=True)
    notes = EncryptedTextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    purged_at = models.DateTimeField(_("personal data purged at"), null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "code"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="case_code_unique"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN

    @property
    def service_labels(self) -> list[str]:
        labels = dict(Service.choices)
        return [str(labels.get(value, value)) for value in self.services_given]

    @property
    def outcome_labels(self) -> list[str]:
        labels = dict(Outcome.choices)
        return [str(labels.get(value, value)) for value in self.outcomes]


class CaseTask(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedTextField(_("task"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done_at", "due_on", "created_at"]

    def __str__(self) -> str:
        return str(self.id)


class Consent(models.Model):
    """The person's consent to one purpose (and, for referrals, one recipient)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    recipient = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient organisation"),
    )
    given_on = models.DateField(_("given on"))
    given_how = models.CharField(_("given how"), max_length=20, choices=HowGiven.choices)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_how = models.CharField(
        _("withdrawn how"), max_length=20, choices=HowGiven.choices, blank=True
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-created_at"]

    def __str__(self) -> str:
        return self.get_purpose_display()

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class Referral(models.Model):
    """proposed → accepted / declined; accepted → done; proposed or accepted → withdrawn."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    to_organization = models.ForeignKey(
        "guidebook.Organization",
        on_delete=models.PROTECT,
        related_name="incoming_referrals",
        verbose_name=_("refer to"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PROPOSED
    )
    # A copy of exactly the fields the counsellor chose to share: {field key: display value}.
    shared = EncryptedJSONField(_("shared part"), null=True, blank=True)
    message = EncryptedTextField(_("message to the receiving service"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.case.code} → {self.to_organization}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REFERRAL


class WorkTimeEvidence(models.Model):
    """A worker's exported work-time file, imported into a case, with the report computed here."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="worktime")
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    data = EncryptedJSONField(_("file"), null=True)
    report = EncryptedJSONField(_("report"), null=True)
    imported_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.sha256[:12]


class CaseDocument(models.Model):
    """A document of a case (contract, pay slip, photo). The file is stored encrypted outside the
    web root (MEDIA_ROOT/cases/<id>.bin) and served only through a permission-checked view."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = EncryptedTextField(_("title"))
    kind = models.CharField(_("type"), max_length=10)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return str(self.id)


class Brief(models.Model):
    """An anonymised brief of a case for a case conference: participants see this, never the case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="briefs")
    meeting = models.ForeignKey(
        "network.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_briefs",
        verbose_name=_("case conference"),
    )
    # {field key: display value} of the fields the counsellor chose; never name or contact.
    fields = EncryptedJSONField(null=True)
    summary = EncryptedTextField(_("anonymised summary"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.id)


class AuditEntry(models.Model):
    """Who read or changed which case, when, and what (field names, never values)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="audit")
    user = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=20)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["case", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"
