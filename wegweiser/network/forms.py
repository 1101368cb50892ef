from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.contrib.auth import password_validation
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wegweiser.accounts.models import Membership, Role, User
from wegweiser.core.forms import date_input
from wegweiser.guidebook.models import Organization

from .models import (
    INVITABLE_ROLES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    MeetingKind,
    Network,
    Rsvp,
    SeriesRule,
)
from .services import BERLIN

# Links go to web pages only: no javascript:, data:, ftp: (issue 11).
HTTP_ONLY = [URLValidator(schemes=["http", "https"])]


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = ["name", "focus", "structure", "attached_to", "public_info"]
        widgets = {
            "focus": forms.Textarea(attrs={"rows": 3}),
            "public_info": forms.Textarea(attrs={"rows": 3}),
            "structure": forms.RadioSelect,
        }

    def clean(self):
        data = super().clean() or {}
        if data.get("structure") == "attached" and not data.get("attached_to"):
            self.add_error("attached_to", _("Name the round table the network is attached to."))
        return data


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), required=False
    )
    role = forms.ChoiceField(label=_("Role in the network"), choices=INVITABLE_ROLES)
    message = forms.CharField(
        label=_("Personal message"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        organization = cast(forms.ModelChoiceField, self.fields["organization"])
        if network.is_state_level:
            # The state round table: state-wide actors; everyone joins as a member (the state
            # coordinator coordinates it, counselling cases stay in the municipalities).
            organization.queryset = Organization.objects.filter(state=network.state)
            role = cast(forms.ChoiceField, self.fields["role"])
            role.choices = [(Role.MEMBER.value, Role.MEMBER.label)]
        else:
            organization.queryset = Organization.objects.filter(municipalities=network.municipality)
        organization.queryset = organization.queryset.select_related("actor_type")


class AcceptNewAccountForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(
                    first, User(email=self.email, name=data.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


def _local_datetime_field(label):
    return forms.DateTimeField(
        label=label,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = _local_datetime_field(_("Begins (time in Germany)"))
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=15, max_value=12 * 60, initial=120
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", validators=HTTP_ONLY
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("Leave empty for no limit. Beyond it, people go on a waiting list."),
    )
    description = forms.CharField(
        label=_("Invitation text"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    case_code = forms.CharField(
        label=_("Pseudonymous case code (case conferences only)"),
        max_length=40,
        required=False,
        help_text=_("Only the code from the counselling service, never a name."),
    )
    case_summary = forms.CharField(
        label=_("Anonymised case summary (case conferences only)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "Warning: do not enter names, dates of birth, addresses, employers or anything "
            "else that identifies the person."
        ),
    )

    past_ok = forms.BooleanField(
        label=_("Yes, this meeting lies in the past (record it afterwards)"), required=False
    )

    def __init__(
        self,
        *args,
        case_conference_only: bool = False,
        case_fields: bool | None = None,
        warn_past: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        kind = cast(forms.ChoiceField, self.fields["kind"])
        if case_conference_only:
            # Counsellors organise case conferences, nothing else.
            kind.choices = [(MeetingKind.CASE_CONFERENCE, MeetingKind.CASE_CONFERENCE.label)]
            kind.initial = MeetingKind.CASE_CONFERENCE
            case_fields = True
        if case_fields is None:
            chosen = self.data.get("kind") if self.is_bound else self.initial.get("kind")
            case_fields = chosen == MeetingKind.CASE_CONFERENCE
        if not case_fields:
            # A round table or workshop form never shows case details (nor offers the kind).
            del self.fields["case_code"], self.fields["case_summary"]
            choices = cast("list[tuple[str, Any]]", kind.choices)
            kind.choices = [c for c in choices if c[0] != MeetingKind.CASE_CONFERENCE]
        self.warn_past = warn_past
        if not (warn_past and self._posted_start_in_past()):
            del self.fields["past_ok"]

    def _posted_start_in_past(self) -> bool:
        raw = self.data.get("starts_at", "") if self.is_bound else ""
        try:
            value = datetime.datetime.strptime(raw, "%Y-%m-%dT%H:%M").replace(tzinfo=BERLIN)
        except ValueError:
            return False
        return value < datetime.datetime.now(tz=BERLIN)

    def clean_starts_at(self):
        value = self.cleaned_data["starts_at"]
        # The form shows German wall-clock time; make it aware in Europe/Berlin.
        return value.replace(tzinfo=None).replace(tzinfo=BERLIN)

    def clean(self):
        data = super().clean() or {}
        # Also when the form has no case fields: posted case data are refused, never dropped.
        if data.get("kind") != MeetingKind.CASE_CONFERENCE and (
            self.data.get("case_code") or self.data.get("case_summary")
        ):
            field = "case_code" if "case_code" in self.fields else None
            self.add_error(field, _("Case details belong to case conferences only."))
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Give a place or an online link."))
        if "past_ok" in self.fields and not data.get("past_ok"):
            self.add_error(
                "starts_at",
                _(
                    "This start time is in the past. Check the date, or confirm below that you "
                    "record a meeting afterwards."
                ),
            )
        return data

    def meeting_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "starts_at": data["starts_at"],
            "ends_at": data["starts_at"] + datetime.timedelta(minutes=data["duration_minutes"]),
            "place": data["place"],
            "online_url": data["online_url"],
            "capacity": data["capacity"],
            "description": data["description"],
            "case_code": data.get("case_code", ""),
            "case_summary": data.get("case_summary", ""),
        }


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
]
NTH = [(1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")), (-1, _("last"))]


class SeriesForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[c for c in MeetingKind.choices if c[0] != MeetingKind.CASE_CONFERENCE],
        initial=MeetingKind.ROUND_TABLE,
    )
    rule = forms.ChoiceField(label=_("Repeats"), choices=SeriesRule.choices)
    nth = forms.TypedChoiceField(label=_("Which"), choices=NTH, coerce=int, initial=2)
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=WEEKDAYS, coerce=int, initial=1)
    month_of_quarter = forms.TypedChoiceField(
        label=_("Month of the quarter (quarterly only)"),
        choices=[(1, _("first month")), (2, _("second month")), (3, _("third month"))],
        coerce=int,
    )
    start_date = forms.DateField(label=_("From"), widget=date_input())
    start_time = forms.TimeField(
        label=_("Time (in Germany)"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=15, max_value=12 * 60, initial=120
    )
    count = forms.IntegerField(label=_("Number of meetings"), min_value=1, max_value=24, initial=4)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", validators=HTTP_ONLY
    )
    capacity = forms.IntegerField(
        label=_("Capacity"), min_value=1, max_value=100_000, required=False
    )

    def clean(self):
        data = super().clean() or {}
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Give a place or an online link."))
        return data


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=[(Rsvp.YES, _("Yes")), (Rsvp.MAYBE, _("Maybe")), (Rsvp.NO, _("No"))],
        widget=forms.RadioSelect,
    )


class InviteParticipantsForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("Invite members"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        users = cast(forms.ModelMultipleChoiceField, self.fields["users"])
        users.queryset = candidates if candidates is not None else User.objects.none()


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "duration_minutes", "presenter", "order"]


class MinutesForm(forms.Form):
    text = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 14}))


class MinutesCommentForm(forms.Form):
    section = forms.IntegerField(min_value=1, max_value=1000, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your comment on this section"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
    )


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["title", "owner_organization", "owner_user", "due_date"]
        widgets = {"due_date": date_input()}

    def __init__(self, *args, network: Network, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        owner_organization = cast(forms.ModelChoiceField, self.fields["owner_organization"])
        # Only organisations and people who are members of the network (not every entry of the
        # guidebook): a task goes to someone who sits at the table.
        owner_organization.queryset = (
            Organization.objects.filter(
                memberships__in=Membership.objects.active().filter(network.membership_scope())
            )
            .distinct()
            .order_by("name")
        )
        owner_user = cast(forms.ModelChoiceField, self.fields["owner_user"])
        owner_user.queryset = members if members is not None else User.objects.none()


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, image, ODT, DOCX or text)"))
