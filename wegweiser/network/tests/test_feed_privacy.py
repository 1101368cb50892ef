"""Issue 11: the calendar feed goes to external calendar providers. A case conference shows there
only as "case conference" with its time: no title, place, link or description."""

import datetime

import pytest
from django.urls import reverse

from wegweiser.network import services
from wegweiser.network.models import MeetingKind
from wegweiser.network.tests.helpers import make_meeting

pytestmark = pytest.mark.django_db


def test_a_case_conference_in_the_feed_shows_only_kind_and_time(client_as, world):
    when = services.aware(datetime.date(2030, 2, 5), datetime.time(10))
    meeting = make_meeting(
        world,
        when,
        MeetingKind.CASE_CONFERENCE,
        hours=1,
        title="Fall Familie Popescu, Hof Weber",
        place="Beratungsstelle, Raum 3",
        online_url="https://video.example.org/geheimer-raum",
    )
    services.invite_users(meeting, [world.users["counsellor"]], notify=False)
    client = client_as("counsellor")
    token = services.feed_for(world.users["counsellor"]).token
    feed = client.get(reverse("network:feed", kwargs={"token": token})).content.decode()
    unfolded = feed.replace("\r\n ", "")
    assert "Fallkonferenz" in unfolded or "case conference" in unfolded
    assert "DTSTART" in unfolded and "20300205T100000" in unfolded
    for secret in ("Popescu", "Hof Weber", "Raum 3", "geheimer-raum", str(meeting.pk)):
        assert secret not in unfolded, secret
    # The meeting file downloaded by the person herself keeps the details.
    own = client.get(
        reverse("network:meeting_ics", kwargs={"slug": "musterstadt", "meeting": meeting.pk})
    ).content.decode()
    assert "Popescu" in own.replace("\r\n ", "")
