"""Helpers the network tests share."""

import datetime

from wegweiser.network import services
from wegweiser.network.models import Meeting, MeetingKind, Network


def network(world) -> Network:
    return Network.objects.get(municipality=world.musterstadt)


def make_meeting(
    world, when, kind=MeetingKind.ROUND_TABLE, *, hours=2, place="Rathaus", **extra
) -> Meeting:
    """A meeting of Musterstadt's network (by default in the town hall), made by the coordinator."""
    return services.create_meeting(
        network(world),
        created_by=world.users["coordinator"],
        kind=kind,
        title=extra.pop("title", "Runder Tisch"),
        starts_at=when,
        ends_at=when + datetime.timedelta(hours=hours),
        place=place,
        **extra,
    )
