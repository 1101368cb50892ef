"""Cooperation agreements: draft, change while unsigned, sign party by party, put in force, end.

Every write checks the model's rules (models/agreements.py) inside its transaction, on a row
locked for the change, so two coordinators cannot sign the same party or change a text that
was signed a moment ago.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction

from wegweiser.accounts.models import User
from wegweiser.guidebook.models import Organization

from ..models import AgreementParty, CooperationAgreement, Network


def _locked(agreement: CooperationAgreement) -> CooperationAgreement:
    return CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)


def _set_parties(agreement: CooperationAgreement, organizations: Iterable[Organization]) -> None:
    """Parties as chosen: new ones added, dropped ones removed (only while nobody signed)."""
    wanted = {organization.pk: organization for organization in organizations}
    agreement.parties.exclude(organization_id__in=wanted).delete()
    present = set(agreement.parties.values_list("organization_id", flat=True))
    for pk, organization in wanted.items():
        if pk not in present:
            AgreementParty.objects.create(agreement=agreement, organization=organization)


@transaction.atomic
def create_agreement(
    network: Network,
    *,
    title: str,
    parties: Iterable[Organization],
    created_by: User,
    summary: str = "",
    public_url: str = "",
) -> CooperationAgreement:
    agreement = CooperationAgreement.objects.create(
        network=network, title=title, summary=summary, public_url=public_url, created_by=created_by
    )
    _set_parties(agreement, parties)
    return agreement


@transaction.atomic
def update_agreement(
    agreement: CooperationAgreement,
    *,
    title: str,
    summary: str,
    public_url: str,
    parties: Iterable[Organization],
    party_details: dict[str, tuple[str, str]] | None = None,
) -> CooperationAgreement:
    """Change the contents of an unsigned agreement; `party_details` maps a party's id to its
    (contact point, tasks). Refused (ValidationError) once anyone signed."""
    locked = _locked(agreement)
    locked.check_contents_editable()
    locked.title, locked.summary, locked.public_url = title, summary, public_url
    locked.save()
    _set_parties(locked, parties)
    for party in locked.parties.all():
        if party_details and str(party.pk) in party_details:
            party.contact_point, party.tasks = party_details[str(party.pk)]
            party.save(update_fields=["contact_point", "tasks"])
    return locked


@transaction.atomic
def record_signature(
    agreement: CooperationAgreement, party: AgreementParty, *, on: datetime.date, by: str = ""
) -> AgreementParty:
    _locked(agreement)
    party = AgreementParty.objects.select_for_update().get(pk=party.pk)
    agreement.check_signature(party, on)
    party.signed_on, party.signed_by = on, by
    party.save(update_fields=["signed_on", "signed_by"])
    return party


@transaction.atomic
def set_validity(
    agreement: CooperationAgreement,
    *,
    in_force_from: datetime.date | None,
    valid_until: datetime.date | None,
) -> CooperationAgreement:
    """The dates of force: from when (all parties signed) and, optionally, until when. Ending an
    agreement early is setting its last day."""
    locked = _locked(agreement)
    locked.check_validity(in_force_from, valid_until)
    locked.in_force_from, locked.valid_until = in_force_from, valid_until
    locked.save(update_fields=["in_force_from", "valid_until", "updated_at"])
    return locked
