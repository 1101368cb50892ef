"""Members' changes of a published entry wait as pending changes (issue 15): the published version
stays live, the review page shows the diff, a coordinator approves or sends back with a comment."""

from __future__ import annotations

import pytest

from wegweiser.guidebook.models import MandateItem, OrganizationStatus, PendingChange

from .factories import detail_url, edit_data, url

pytestmark = pytest.mark.usefixtures("german_pages")


def _mandate_data(item, **changes):
    data = {
        "kind": item.kind,
        "text": item.text,
        "source": item.source,
        "as_of": item.as_of.isoformat() if item.as_of else "",
        "order": str(item.order),
    }
    for link in item.need_links.select_related("need"):
        data[f"need_{link.need.key}"] = link.role
    for row in item.translations.all():
        data[f"translation_{row.language}"] = row.text
    data.update(changes)
    return data


def test_send_back_with_comment_the_member_sees(client_as, world):
    organization = world.organization
    member = client_as("member")
    member.post(url("edit", pk=organization.pk), edit_data(organization, phone="+49 30 1"))
    member.logout()
    coordinator = client_as("coordinator")
    response = coordinator.post(
        url("approve", pk=organization.pk),
        {"action": "send_back", "comment": "Bitte die Durchwahl der Zentrale angeben."},
    )
    assert response.status_code == 302
    change = PendingChange.objects.get(organization=organization)
    assert change.state == "returned" and change.decided_by == world.users["coordinator"]
    organization.refresh_from_db()
    assert organization.phone != "+49 30 1"
    # An empty comment is refused and changes nothing.
    empty = coordinator.post(url("approve", pk=organization.pk), {"action": "send_back"})
    assert empty.status_code == 400
    coordinator.logout()

    member = client_as("member")
    page = member.get(detail_url(organization)).content.decode()
    assert "Bitte die Durchwahl der Zentrale angeben." in page
    form = member.get(url("edit", pk=organization.pk)).content.decode()
    assert "Bitte die Durchwahl der Zentrale angeben." in form and "+49 30 1" in form
    # Saving again makes it wait again (one change per part, not two).
    member.post(url("edit", pk=organization.pk), edit_data(organization, phone="+49 30 2"))
    assert list(organization.pending_changes.values_list("state", flat=True)) == ["open"]


def test_member_mandate_edit_and_removal_wait(client, client_as, world):
    organization = world.organization
    item = organization.mandate_items.order_by("order").first()
    old_text = item.text
    member = client_as("member")
    data = _mandate_data(item, text="Berät auch freitags von 8 bis 12 Uhr.")
    assert (
        member.post(url("mandate_item", pk=organization.pk, item=item.pk), data).status_code == 302
    )
    other = organization.mandate_items.exclude(pk=item.pk).first()
    member.post(url("mandate_delete", pk=organization.pk, item=other.pk))
    item.refresh_from_db()
    assert item.text == old_text
    assert MandateItem.objects.filter(pk=other.pk).exists()
    organization.refresh_from_db()
    assert organization.status == OrganizationStatus.PUBLISHED
    member.logout()
    public = client.get(detail_url(organization, "public"))
    assert public.status_code == 200

    coordinator = client_as("coordinator")
    diff = coordinator.get(url("approve", pk=organization.pk)).content.decode()
    assert "Berät auch freitags von 8 bis 12 Uhr." in diff
    assert "Remove mandate item" in diff or "entfernen" in diff.lower()
    coordinator.post(url("approve", pk=organization.pk), {"action": "approve"})
    item.refresh_from_db()
    assert item.text == "Berät auch freitags von 8 bis 12 Uhr."
    assert not MandateItem.objects.filter(pk=other.pk).exists()


def test_coordinator_edit_is_saved_at_once(client_as, world):
    organization = world.organization
    coordinator = client_as("coordinator")
    coordinator.post(url("edit", pk=organization.pk), edit_data(organization, phone="+49 30 3"))
    organization.refresh_from_db()
    assert organization.phone == "+49 30 3"
    assert not organization.pending_changes.exists()


def test_draft_entries_are_still_edited_directly(client_as, world):
    organization = world.organization
    organization.status = OrganizationStatus.DRAFT
    organization.save()
    member = client_as("member")
    member.post(url("edit", pk=organization.pk), edit_data(organization, phone="+49 30 4"))
    organization.refresh_from_db()
    assert organization.phone == "+49 30 4"
    assert organization.status == OrganizationStatus.IN_REVIEW


def test_dashboard_counts_waiting_changes(client_as, world):
    from django.urls import reverse

    member = client_as("member")
    member.post(
        url("edit", pk=world.organization.pk), edit_data(world.organization, phone="+49 30 5")
    )
    member.logout()
    page = client_as("coordinator").get(reverse("core:dashboard")).content.decode()
    assert "1 Eintrag wartet auf Freigabe" in page
