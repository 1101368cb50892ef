"""Every write of the state level, each in a transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from wegweiser.accounts.models import Role, User
from wegweiser.core.models import Municipality, State
from wegweiser.core.services import start_municipality
from wegweiser.guidebook.models import ActorType, Organization
from wegweiser.guidebook.services.entries import (
    apply_mandate_template,
    create_organization_from_template,
    publish,
)
from wegweiser.guidebook.signals import search_refresh_deferred
from wegweiser.network.models import Invitation, Network
from wegweiser.network.services import (
    create_invitation,
    save_network,
    start_state_round_table,
)

from .models import EntryTemplate
from .reference import ReferenceMunicipality


@dataclass
class RollOut:
    municipality: Municipality
    network: Network
    drafts: list[Organization]
    invitation: Invitation | None


def template_drafts(municipality: Municipality) -> list[Organization]:
    """One draft entry per target-group actor type, with the state's template of that actor type
    (or the shipped one where the state has not adapted it), to be confirmed by the coordinator."""
    templates = {
        template.actor_type_id: template.organization
        for template in EntryTemplate.objects.filter(state_id=municipality.state_id).select_related(
            "organization"
        )
    }
    drafts = []
    for actor_type in ActorType.objects.filter(target_group=True).order_by("order"):
        name = f"{actor_type.name.get('de') or actor_type.key} {municipality.name}"
        template = templates.get(actor_type.pk)
        drafts.append(
            create_organization_from_template(
                actor_type,
                name,
                [municipality],
                template=template,
                description=template.description if template else "",
            )
        )
    return drafts


@transaction.atomic
def adapt_template(state: State, actor_type: ActorType) -> EntryTemplate:
    """The state's own template of an actor type, started from the shipped one (idempotent)."""
    existing = EntryTemplate.objects.filter(state=state, actor_type=actor_type).first()
    if existing is not None:
        return existing
    # Stored data, in German like every entry's name; it appears on the template pages only.
    name = f"Vorlage {state.name}: {actor_type.name.get('de') or actor_type.key}"
    organization = Organization.objects.create(name=name, actor_type=actor_type)
    apply_mandate_template(organization)
    return EntryTemplate.objects.create(
        state=state, actor_type=actor_type, organization=organization
    )


@transaction.atomic
def save_state_entry(form) -> Organization:
    """A change of a state-wide actor or of a template entry by the state coordinator."""
    return form.save()


@transaction.atomic
def invite_coordinator(
    municipality: Municipality, *, by: User, email: str, name: str = ""
) -> Invitation:
    """Invite the coordinator of a municipality; its network is started first when it has none."""
    network = Network.objects.filter(municipality=municipality).first()
    if network is None:
        network = save_network(
            Network(
                name=_("Network against labour exploitation %(name)s") % {"name": municipality.name}
            ),
            municipality=municipality,
        )
    invitation, _raw = create_invitation(
        network, email=email, name=name, role=Role.COORDINATOR, invited_by=by
    )
    return invitation


@transaction.atomic
def roll_out(
    state: State,
    place: ReferenceMunicipality,
    *,
    by: User,
    coordinator_email: str = "",
    coordinator_name: str = "",
) -> RollOut:
    """Start a municipality from the reference list: network, template guidebook, invitation."""
    municipality = start_municipality(state=state, name=place.name, ags=place.ags)
    network = save_network(
        Network(name=_("Network against labour exploitation %(name)s") % {"name": place.name}),
        municipality=municipality,
    )
    # About ten entries of ten statements each: their search texts are built once per entry at
    # the end, not after every statement, need and translation (a roll-out took 40 s under load).
    with search_refresh_deferred():
        drafts = template_drafts(municipality)
    invitation = None
    if coordinator_email:
        invitation = invite_coordinator(
            municipality, by=by, email=coordinator_email, name=coordinator_name
        )
    return RollOut(municipality, network, drafts, invitation)


@transaction.atomic
def create_state_actor(form, state: State) -> Organization:
    """A state-wide actor as a draft with its actor type's mandate template."""
    organization = form.save(commit=False)
    organization.state = state
    organization.save()
    apply_mandate_template(organization)
    return organization


@transaction.atomic
def publish_state_actor(organization: Organization) -> None:
    publish(organization)


def start_round_table(state: State) -> Network:
    """The state round table: the network app's meetings, minutes, tasks and reports for the
    state coordinator and the members of the state."""
    return start_state_round_table(state)
