"""Invitations into a network: create and mail, find by token, accept once, withdraw."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wegweiser.accounts.access import forget_memberships
from wegweiser.accounts.models import Membership, Role, User
from wegweiser.core.i18n import current_language
from wegweiser.core.links import absolute_reverse
from wegweiser.core.tokens import new_secret
from wegweiser.guidebook.models import Organization

from ..models import Invitation, Network

INVITATION_DAYS = 14


@transaction.atomic
def create_invitation(
    network: Network,
    *,
    email: str,
    role: str,
    invited_by: User,
    organization: Organization | None = None,
    name: str = "",
    message: str = "",
    language: str | None = None,
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link. Returns (invitation, raw token)."""
    if role not in (Role.MEMBER, Role.COORDINATOR, Role.COUNSELLOR):
        raise ValidationError(_("This role cannot be given by invitation."))
    if network.is_state_level and role != Role.MEMBER:
        # The state coordinator coordinates the round table by her office.
        raise ValidationError(_("The state round table invites members only."))
    raw = new_secret()
    invitation = Invitation.objects.create(
        network=network,
        email=email.strip().lower(),
        name=name,
        role=role,
        organization=organization,
        message=message,
        token_hash=Invitation.hash(raw),
        expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
        invited_by=invited_by,
    )
    link = absolute_reverse("network:accept", token=raw)
    with translation.override(language or current_language()):
        body = render_to_string(
            "network/email/invitation.txt",
            {"invitation": invitation, "link": link, "network": network, "inviter": invited_by},
        )
        send_mail(
            _("Invitation to the network %(name)s") % {"name": network.name},
            body,
            None,
            [invitation.email],
        )
    return invitation, raw


def find_open_invitation(raw: str) -> Invitation | None:
    return (
        Invitation.objects.open()
        .select_related("network__municipality", "network__state", "organization")
        .filter(token_hash=Invitation.hash(raw))
        .first()
    )


def open_invitation_by_id(pk: str) -> Invitation | None:
    try:
        return (
            Invitation.objects.open()
            .select_related("network__municipality", "network__state", "organization")
            .filter(pk=pk)
            .first()
        )
    except ValidationError:  # not a UUID
        return None


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user: User) -> Membership:
    """Single use: the invitation is consumed (row-locked) and the membership created.

    Only the account with the invited e-mail address may accept (issue 11).
    """
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.state != "open":
        raise ValidationError(_("This invitation is no longer valid."))
    if user.email.strip().lower() != locked.email.strip().lower():
        raise ValidationError(_("This invitation is for another e-mail address."))
    network = locked.network
    # The state round table: a membership of the state (members only, see InvitationForm).
    scope = {"municipality": network.municipality, "state": network.state}
    membership = (
        Membership.objects.active()
        .filter(user=user, role=locked.role, organization=locked.organization, **scope)
        .first()
    )
    if membership is None:
        membership = Membership.objects.create(
            user=user, role=locked.role, organization=locked.organization, **scope
        )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    forget_memberships(user)
    return membership


@transaction.atomic
def revoke_invitation(invitation: Invitation) -> None:
    """The link stops working; the row stays for the record."""
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def create_account(*, email: str, name: str, password: str) -> User:
    return User.objects.create_user(email, password, name=name)
