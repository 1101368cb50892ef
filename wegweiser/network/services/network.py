"""The network itself and its members: settings, leaving, and the actor types still missing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wegweiser.accounts.access import forget_memberships
from wegweiser.accounts.models import Membership, Role
from wegweiser.core.models import Municipality, State
from wegweiser.guidebook.models import ActorType, ContactPerson, Organization

from ..models import Network
from ..selectors import active_members


@transaction.atomic
def save_network(network: Network, *, municipality: Municipality) -> Network:
    """Create or change the network of a municipality (one network per municipality)."""
    network.municipality = municipality
    network.save()
    return network


@transaction.atomic
def start_state_round_table(state: State) -> Network:
    """The state's round table (one per state): created on first use, found afterwards."""
    existing = Network.objects.filter(state=state).first()
    if existing is not None:
        return existing
    return Network.objects.create(
        state=state,
        name=_("State round table against labour exploitation %(state)s") % {"state": state.name},
    )


@transaction.atomic
def end_membership(membership: Membership) -> None:
    """Members leave and coordinators remove: the row stays, its validity ends yesterday."""
    membership.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    membership.save(update_fields=["valid_until"])
    forget_memberships(membership.user)


@dataclass
class Gap:
    actor_type: ActorType
    organizations: list[Organization]


def gaps(network: Network) -> list[Gap]:
    """Target-group actor types without an active member in the network."""
    covered = set(
        active_members(network)
        .exclude(organization__isnull=True)
        .values_list("organization__actor_type_id", flat=True)
    )
    missing = list(ActorType.objects.filter(target_group=True).exclude(id__in=covered))
    organizations: dict[int, list[Organization]] = {}
    for organization in Organization.objects.filter(
        municipalities=network.municipality, actor_type__in=missing
    ).order_by("name"):
        organizations.setdefault(organization.actor_type_id, []).append(organization)
    return [Gap(actor_type, organizations.get(actor_type.id, [])) for actor_type in missing]


def invitation_draft(
    network: Network, organization: Organization | None, actor_type: ActorType | None = None
) -> dict:
    """Initial values of the invitation form for one organisation (the one-click draft)."""
    initial: dict = {"role": Role.MEMBER}
    if organization is not None:
        initial["organization"] = organization.pk
        person = ContactPerson.objects.with_consent().filter(organization=organization).first()
        if person is not None and person.email:
            initial["email"] = person.email
            initial["name"] = person.name
        elif organization.email:
            initial["email"] = organization.email
        actor_type = organization.actor_type
    label = actor_type.label if actor_type is not None else ""
    initial["message"] = _(
        "We are building a local network against labour exploitation in %(place)s. "
        "We would be glad if someone from %(who)s took part: your knowledge is missing so far."
    ) % {
        "place": network.municipality.name if network.municipality else network.name,
        "who": organization.name if organization else label,
    }
    return initial
