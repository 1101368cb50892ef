"""Forms of the guidebook's editing workflow."""

from __future__ import annotations

from typing import cast

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wegweiser.core.forms import date_input

from .models import (
    ActorType,
    ContactPerson,
    Location,
    MandateItem,
    MandateKind,
    Need,
    NeedRole,
    Organization,
)
from .search import language_label

# Links go to web pages only: no javascript:, data:, ftp: (issue 11).
HTTP_ONLY = [URLValidator(schemes=["http", "https"])]


def language_choices():
    return [(code, language_label(code)) for code, _name in settings.LANGUAGES]


class OrganizationForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", validators=HTTP_ONLY
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages in which people can be advised, without an interpreter."),
    )
    # Kept per municipality (models.InternalNote), not on the organisation: saved by the view.
    internal_notes = forms.CharField(
        label=_("internal notes (network only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown only to network members of the municipality."),
    )

    class Meta:
        model = Organization
        fields = [
            "name",
            "description",
            "phone",
            "email",
            "website",
            "languages",
            "confidential_address",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "email": _("Confirmation requests are sent to this address."),
            "confidential_address": _(
                "For shelters: no address is shown anywhere, only phone and e-mail."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["languages"]).choices = language_choices()


class NewOrganizationForm(forms.ModelForm):
    actor_type = forms.ModelChoiceField(
        label=_("Actor type"),
        queryset=ActorType.objects.all(),
        help_text=_("The mandate is filled in from the template of this actor type."),
    )
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", validators=HTTP_ONLY
    )

    class Meta:
        model = Organization
        fields = ["actor_type", "name", "phone", "email", "website"]


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name", "street", "postal_code", "city", "opening_hours", "accessibility"]
        widgets = {
            "opening_hours": forms.Textarea(attrs={"rows": 2}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
        }


LocationFormSet = forms.inlineformset_factory(
    Organization, Location, form=LocationForm, extra=1, can_delete=True, max_num=10
)


class MandateItemForm(forms.ModelForm):
    """A mandate item with its needs (role per need) and translations."""

    class Meta:
        model = MandateItem
        fields = ["kind", "text", "source", "as_of", "order"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "as_of": date_input(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = MandateKind.choices
        self.needs = list(Need.objects.all())
        current = {}
        translations = {}
        if self.instance.pk:
            current = {link.need_id: link.role for link in self.instance.need_links.all()}
            translations = {row.language: row for row in self.instance.translations.all()}
        role_choices = [("", _("— not concerned —")), *NeedRole.choices]
        for need in self.needs:
            self.fields[f"need_{need.key}"] = forms.ChoiceField(
                label=need.text,
                choices=role_choices,
                required=False,
                initial=current.get(need.pk, ""),
            )
        self.translation_rows = translations
        for code, _name in settings.LANGUAGES:
            if code == "de":
                continue
            row = translations.get(code)
            self.fields[f"translation_{code}"] = forms.CharField(
                label=language_label(code),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "lang": code}),
                initial=row.text if row else "",
            )

    def need_fields(self):
        return [self[f"need_{need.key}"] for need in self.needs]

    def need_roles(self) -> dict:
        """{need: role} of the ticked needs (valid form); needs left out are not concerned."""
        roles = {need: self.cleaned_data.get(f"need_{need.key}") or "" for need in self.needs}
        return {need: role for need, role in roles.items() if role}

    def translation_texts(self) -> dict[str, str]:
        """{language: text} of the translations (valid form); empty ones are removed."""
        return {
            code: (self.cleaned_data.get(f"translation_{code}") or "").strip()
            for code, _name in settings.LANGUAGES
            if code != "de"
        }

    def translation_fields(self):
        result = []
        for code, _name in settings.LANGUAGES:
            if code == "de":
                continue
            row = self.translation_rows.get(code)
            outdated = bool(row and self.instance.pk and row.source_version < self.instance.version)
            result.append((self[f"translation_{code}"], outdated))
        return result

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 3:
            raise forms.ValidationError(_("Please write a complete sentence."))
        return text


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = [
            "name",
            "function",
            "phone",
            "email",
            "practical_note",
            "consent_given_at",
            "consent_how",
        ]
        widgets = {
            "practical_note": forms.Textarea(attrs={"rows": 2}),
            "consent_given_at": date_input(),
        }
        help_texts = {
            "consent_given_at": _(
                "A person appears in the internal guidebook only with recorded consent."
            ),
            "consent_how": _("For example: in writing at Workshop II, by e-mail of 3 March."),
        }

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("consent_given_at") and not cleaned.get("consent_how"):
            self.add_error("consent_how", _("Please record how the consent was given."))
        return cleaned


class WithdrawConsentForm(forms.Form):
    how = forms.CharField(
        label=_("How was the consent withdrawn?"),
        max_length=100,
        required=False,
        help_text=_("For example: by phone on 4 May."),
    )


class ConfirmationForm(forms.Form):
    """Answer to a confirmation link, without an account."""

    ANSWER_CHOICES = [
        ("confirmed", _("Everything is still correct")),
        ("corrections", _("Something needs to be corrected")),
    ]
    answer = forms.ChoiceField(
        label=_("Is the entry still correct?"), choices=ANSWER_CHOICES, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("What should be corrected?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    phone = forms.CharField(label=_("New phone number"), required=False, max_length=40)
    email = forms.EmailField(label=_("New e-mail address"), required=False)
    website = forms.URLField(
        label=_("New website"), required=False, assume_scheme="https", validators=HTTP_ONLY
    )
    opening_hours = forms.CharField(
        label=_("New opening hours"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    PROPOSAL_FIELDS = ("phone", "email", "website", "opening_hours")

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("answer") == "corrections" and not (
            cleaned.get("message") or any(cleaned.get(name) for name in self.PROPOSAL_FIELDS)
        ):
            raise forms.ValidationError(
                _("Please describe what should be corrected or fill in a new value.")
            )
        return cleaned

    def proposed(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self.PROPOSAL_FIELDS
            if self.cleaned_data.get(name)
        }


class SearchFilterForm(forms.Form):
    """Filters of the guidebook search: actor type, language spoken, need served (all optional)."""

    type = forms.ChoiceField(label=_("Kind of actor"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    need = forms.ChoiceField(label=_("Need"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("all"))]
        # Only what a choice shows: decoding every kind's mandate template was half of the
        # form's time on each search request (issue 16).
        kinds = ActorType.objects.only("key", "name", "order")
        self.fields["type"].choices = anything + [  # type: ignore[attr-defined]
            (actor_type.key, actor_type.label) for actor_type in kinds
        ]
        self.fields["language"].choices = anything + language_choices()  # type: ignore[attr-defined]
        self.fields["need"].choices = anything + [  # type: ignore[attr-defined]
            (need.key, need.text) for need in Need.objects.all()
        ]

    def active(self) -> bool:
        return any(self.cleaned_data.get(name) for name in ("type", "language", "need"))

    def apply(self, organizations):
        if self.cleaned_data.get("type"):
            organizations = organizations.filter(actor_type__key=self.cleaned_data["type"])
        if self.cleaned_data.get("need"):
            organizations = organizations.filter(
                mandate_items__need_links__need__key=self.cleaned_data["need"]
            ).distinct()
        return organizations

    def apply_language(self, organizations: list) -> list:
        """Languages are a JSON list (no portable database filter): filtered after the query."""
        code = self.cleaned_data.get("language")
        if not code:
            return organizations
        return [
            organization for organization in organizations if code in (organization.languages or [])
        ]


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the member"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Say what should be changed. The member sees it on the entry and in the form."),
    )


class RestoreForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("organization", "organization"), ("location", "location"), ("mandate", "mandate")]
    )
    history_id = forms.IntegerField(min_value=1, max_value=2**63 - 1)
