from __future__ import annotations

from typing import cast

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegweiser.core.forms import date_input
from wegweiser.guidebook.models import Need

from .choices import ConsentPurpose, HowGiven, Outcome, Service
from .models import Case
from .services import FORM_FIELDS

LANGUAGE_CHOICES = [(code, name) for code, name in settings.LANGUAGES] + [
    ("other", _("other language")),
]


class CaseForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs = forms.ModelMultipleChoiceField(
        label=_("needs"),
        queryset=Need.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    services_given = forms.MultipleChoiceField(
        label=_("services given"),
        choices=Service.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outcomes = forms.MultipleChoiceField(
        label=_("outcome"),
        choices=Outcome.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Case
        fields = FORM_FIELDS
        widgets = {
            "first_contact_on": date_input(),
            "person_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "contact": forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "person_name": _("Optional. Encrypted; never shown in lists, search or exports."),
            "contact": _("Optional. Encrypted; phone, e-mail or how to reach the person safely."),
            "notes": _("Encrypted."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["first_contact_on"].initial = timezone.localdate()
        needs = cast(forms.ModelMultipleChoiceField, self.fields["needs"])
        needs.label_from_instance = lambda need: need.text  # type: ignore[method-assign,assignment]
        self.initial.setdefault("version", self.instance.version)

    def data_for_service(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "needs"}
        data["person_name"] = data["person_name"].strip()
        return data


class NewCaseForm(CaseForm):
    organization = forms.ChoiceField(label=_("counselling organisation"))

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = {str(m.organization_id): m for m in memberships}
        cast(forms.ChoiceField, self.fields["organization"]).choices = [
            (key, f"{m.organization.name} ({m.municipality.name})")
            for key, m in self.memberships.items()
        ]
        if len(self.memberships) == 1:
            self.fields["organization"].widget = forms.HiddenInput()
            self.fields["organization"].initial = next(iter(self.memberships))
        self.order_fields(["organization"])

    def membership(self):
        return self.memberships[self.cleaned_data["organization"]]


class IndicatorForm(forms.Form):
    def __init__(self, *args, data_file: dict, language: str, initial_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        for dimension in data_file["dimensions"]:
            choices = [
                (item["key"], item["text"].get(language) or item["text"]["de"])
                for item in dimension["indicators"]
            ]
            name = f"dim_{dimension['key']}"
            self.fields[name] = forms.MultipleChoiceField(
                label=dimension["name"].get(language) or dimension["name"]["de"],
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[key for key, _label in choices if key in initial_keys],
            )

    def ticked(self) -> list[str]:
        return [key for name, value in self.cleaned_data.items() for key in value]


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("purpose"), choices=ConsentPurpose.choices)
    recipient: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("recipient organisation (for a referral)"),
        queryset=None,
        required=False,
    )
    given_on = forms.DateField(label=_("given on"), widget=date_input())
    given_how = forms.ChoiceField(label=_("given how"), choices=HowGiven.choices)

    def __init__(self, *args, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["recipient"]).queryset = recipients
        self.fields["given_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean() or {}
        if data.get("purpose") == ConsentPurpose.REFER and not data.get("recipient"):
            self.add_error("recipient", _("Name the organisation the person allows a referral to."))
        if data.get("given_on") and data["given_on"] > timezone.localdate():
            self.add_error("given_on", _("The date lies in the future."))
        return data


class WithdrawConsentForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("withdrawn on"), widget=date_input())
    withdrawn_how = forms.ChoiceField(label=_("withdrawn how"), choices=HowGiven.choices)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("task"), max_length=300)
    due_on = forms.DateField(
        label=_("due on"),
        required=False,
        widget=date_input(),
    )


class ShareForm(forms.Form):
    """Choose the fields to share (referral or brief)."""

    keys = forms.MultipleChoiceField(
        label=_("fields to share"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, fields: dict, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["keys"]).choices = [
            (key, f"{item['label']}: {item['value'] or '–'}") for key, item in fields.items()
        ]


class ReferralForm(ShareForm):
    to_organization: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("refer to"), queryset=None
    )
    message = forms.CharField(
        label=_("message to the receiving service"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["to_organization"]).queryset = targets
        self.order_fields(["to_organization", "keys", "message"])


class BriefForm(ShareForm):
    meeting: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("case conference"),
        queryset=None,
        required=False,
        help_text=_("The participants of this case conference will see the brief."),
    )
    summary = forms.CharField(
        label=_("anonymised summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "No names, dates of birth, addresses or anything else that identifies the person."
        ),
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = cast(forms.ModelChoiceField, self.fields["meeting"])
        meeting.queryset = meetings
        meeting.label_from_instance = lambda m: f"{m.title} ({m.starts_at:%d.%m.%Y})"  # type: ignore[method-assign,assignment]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("work-time file (JSON export of the work-time calendar)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )


class LetterForm(forms.Form):
    employer = forms.CharField(label=_("employer (name)"), max_length=200)
    employer_address = forms.CharField(
        label=_("employer address"), widget=forms.Textarea(attrs={"rows": 3})
    )
    worker_name = forms.CharField(
        label=_("name of the worker (as signed in the letter)"),
        max_length=200,
        help_text=_("Only printed in the letter; not stored."),
    )
    deadline = forms.DateField(
        label=_("deadline for payment"),
        widget=date_input(),
    )

    def clean_deadline(self):
        value = self.cleaned_data["deadline"]
        if value <= timezone.localdate():
            raise forms.ValidationError(_("The deadline must lie in the future."))
        return value


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("title of the document"), max_length=200)
    file = forms.FileField(
        label=_("document (PDF, PNG, JPEG, ODT, DOCX or text)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.odt,.docx,.txt"}),
    )


class OfficeForm(forms.Form):
    retention_years = forms.IntegerField(
        label=_("retention period in years after closing"),
        min_value=1,
        max_value=30,
        help_text=_(
            "Closed cases are purged after this many years (default 3: the regular limitation "
            "period of wage claims, § 195 BGB)."
        ),
    )
