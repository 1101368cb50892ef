"""Confirmation links: e-mailed for stale entries, usable once, expiring; the command is idempotent."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wegweiser.guidebook import services
from wegweiser.guidebook.models import ConfirmationRequest, Organization


def _token_from_mail(message) -> str:
    match = re.search(r"/guidebook/confirm/([^/\s]+)/", message.body)
    assert match, message.body
    return match.group(1)


def _stale():
    return Organization.objects.get(name="Sozialamt der Stadt Musterstadt")


def test_command_sends_once_per_stale_entry(world):
    call_command("send_confirmation_requests")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [_stale().email]
    assert "Sozialamt" in message.subject
    request = ConfirmationRequest.objects.get()
    token = _token_from_mail(message)
    # Only a hash of the token is stored.
    assert request.token_hash == services.hash_token(token)
    assert token not in request.token_hash
    call_command("send_confirmation_requests")
    assert len(mail.outbox) == 1  # a request is still open: no second one


def test_link_works_once(client, world):
    call_command("send_confirmation_requests")
    url = reverse("guidebook:confirm", kwargs={"token": _token_from_mail(mail.outbox[0])})
    page = client.get(url)
    assert page.status_code == 200
    assert "Sozialamt der Stadt Musterstadt" in page.content.decode()
    assert client.post(url, {"answer": "confirmed"}).status_code == 200
    organization = _stale()
    assert organization.last_confirmed_at == timezone.localdate()
    assert not organization.is_stale
    assert client.get(url).status_code == 410
    assert client.post(url, {"answer": "confirmed"}).status_code == 410


def test_link_expires(client, world):
    with time_machine.travel(timezone.now(), tick=False):
        call_command("send_confirmation_requests")
    url = reverse("guidebook:confirm", kwargs={"token": _token_from_mail(mail.outbox[0])})
    with time_machine.travel(timezone.now() + datetime.timedelta(days=29)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        assert client.get(url).status_code == 410
        assert client.post(url, {"answer": "confirmed"}).status_code == 410
        # An expired request is no longer open: the command sends a new one.
        call_command("send_confirmation_requests")
    assert len(mail.outbox) == 2
    assert _stale().is_stale


def test_unknown_token_is_404(client, world):
    assert client.get(reverse("guidebook:confirm", kwargs={"token": "nope"})).status_code == 404


def test_corrections_land_for_the_coordinator(client, client_as, world):
    request, token = services.create_confirmation_request(_stale())
    url = reverse("guidebook:confirm", kwargs={"token": token})
    # Corrections without any content: 400 with a message, the link stays usable.
    response = client.post(url, {"answer": "corrections"})
    assert response.status_code == 400
    response = client.post(
        url,
        {"answer": "corrections", "message": "Neue Sprechzeiten", "phone": "+49 30 23125 777"},
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.outcome == "corrections"
    assert request.proposed == {"phone": "+49 30 23125 777"}
    assert _stale().is_stale  # not confirmed until the coordinator has handled it
    coordinator = client_as("coordinator")
    review = coordinator.get(reverse("guidebook:review", kwargs={"slug": "musterstadt"}))
    assert "Neue Sprechzeiten" in review.content.decode()
    dashboard = coordinator.get(reverse("core:dashboard")).content.decode()
    assert "1 proposed correction" in dashboard or "1 vorgeschlagene Korrektur" in dashboard
    coordinator.post(
        reverse("guidebook:proposal_done", kwargs={"slug": "musterstadt", "proposal": request.pk}),
        {"confirm": "1"},
    )
    request.refresh_from_db()
    assert request.reviewed_by == world.users["coordinator"]
    assert not _stale().is_stale


@pytest.mark.parametrize("days,stale", [(182, False), (183, True)])
def test_freshness_limit(world, days, stale):
    organization = world.organization
    organization.last_confirmed_at = timezone.localdate() - datetime.timedelta(days=days)
    assert organization.is_stale is stale


def test_coordinator_sends_requests_from_the_review_page(client_as, world):
    """Issue 15: the page used to tell the coordinator to run a shell command."""
    client = client_as("coordinator")
    with translation.override("en"):
        review = reverse("guidebook:review", kwargs={"slug": "musterstadt"})
        send = reverse("guidebook:send_confirmations", kwargs={"slug": "musterstadt"})
    page = client.get(review).content.decode()
    assert "wegweiser send_confirmation_requests" not in page
    assert send in page and "not sent yet" in page
    response = client.post(send, follow=True)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [_stale().email]
    assert "1 confirmation request was sent." in response.content.decode()
    assert "sent on" in response.content.decode()
    client.post(send)
    assert len(mail.outbox) == 1  # idempotent
    # A member may not send (403), and nothing is sent.
    client.logout()
    assert client_as("member").post(send).status_code == 403
    assert len(mail.outbox) == 1
