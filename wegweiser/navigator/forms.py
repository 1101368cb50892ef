from django import forms
from django.utils.translation import gettext_lazy as _


class ReferralSheetForm(forms.Form):
    """Optional notes typed into the referral sheet. Rendered into the PDF only, never stored."""

    recipient = forms.CharField(label=_("For (optional)"), max_length=200, required=False)
    sender = forms.CharField(
        label=_("From, with phone or e-mail (optional)"), max_length=200, required=False
    )
    notes = forms.CharField(
        label=_("Notes (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Written only into the PDF. Nothing you type here is kept on the server."),
    )
