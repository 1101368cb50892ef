"""Forms of the cooperation agreements (network/models/agreements.py)."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegweiser.guidebook.models import Organization

from .models import AgreementParty, CooperationAgreement, Network

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def party_candidates(network: Network) -> QuerySet[Organization]:
    """Who may be a party: the municipality's actors and the state-wide actors of its state (for
    the state round table: the state-wide actors)."""
    if network.is_state_level:
        scope = Q(state_id=network.state_id)
    else:
        assert network.municipality is not None
        scope = Q(municipalities=network.municipality) | Q(state_id=network.municipality.state_id)
    return (
        Organization.objects.current()
        .filter(scope)
        .select_related("actor_type")
        .distinct()
        .order_by("name")
    )


class AgreementForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"),
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations that sign the agreement (at least two to come into force)."),
    )
    public_url = forms.URLField(
        label=_("published text (web address)"), required=False, assume_scheme="https"
    )

    class Meta:
        model = CooperationAgreement
        fields = ["title", "summary", "public_url"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, network: Network, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        parties = cast(forms.ModelMultipleChoiceField, self.fields["parties"])
        parties.queryset = party_candidates(network)
        if self.instance.pk:
            self.initial["parties"] = [p.organization_id for p in self.instance.party_list()]


class PartyDetailsForm(forms.ModelForm):
    """What one party agreed to: its contact point and tasks (a prefix per party)."""

    class Meta:
        model = AgreementParty
        fields = ["contact_point", "tasks"]
        widgets = {
            "contact_point": forms.Textarea(attrs={"rows": 2}),
            "tasks": forms.Textarea(attrs={"rows": 3}),
        }


class SignatureForm(forms.Form):
    party = forms.ModelChoiceField(
        label=_("Party"), queryset=AgreementParty.objects.none(), empty_label=None
    )
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    signed_by = forms.CharField(label=_("Signed by (function)"), max_length=200, required=False)

    def __init__(self, *args, agreement: CooperationAgreement, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        party = cast(forms.ModelChoiceField, self.fields["party"])
        party.queryset = agreement.parties.filter(signed_on__isnull=True).select_related(
            "organization"
        )
        self.initial.setdefault("signed_on", timezone.localdate())


class ValidityForm(forms.Form):
    in_force_from = forms.DateField(label=_("In force from"), widget=DATE, required=False)
    valid_until = forms.DateField(
        label=_("Valid until (last day)"),
        widget=DATE,
        required=False,
        help_text=_(
            "Leave empty for an agreement without end. To end it early, give its last day."
        ),
    )
