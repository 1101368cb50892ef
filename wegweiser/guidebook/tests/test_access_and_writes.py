"""Unit tests of the guidebook's access predicates and of its one write path for mandate items."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from wegweiser.guidebook.access import is_coordinator, may_edit, may_see_internal
from wegweiser.guidebook.models import MandateItem, Need
from wegweiser.guidebook.selectors import CONTACTS_ATTR, published_organizations
from wegweiser.guidebook.services import save_mandate_item


def test_access_predicates(world):
    users = world.users
    assert not may_see_internal(None, world.musterstadt)
    assert not may_see_internal(AnonymousUser(), world.musterstadt)
    assert not may_see_internal(users["member"], None)
    assert may_see_internal(users["state_coordinator"], world.musterstadt)
    assert is_coordinator(users["coordinator"], world.musterstadt)
    assert not is_coordinator(users["state_coordinator"], world.musterstadt)
    assert not is_coordinator(users["outsider"], world.musterstadt)
    assert may_edit(users["coordinator"], world.counselling, world.musterstadt)
    assert may_edit(users["member"], world.organization, world.musterstadt)
    assert not may_edit(users["member"], world.counselling, world.musterstadt)
    assert not may_edit(users["outsider"], world.organization, world.musterstadt)


def test_published_organizations_prefetch_contacts_only_on_request(world):
    public = list(published_organizations(world.musterstadt))
    assert public and not any(hasattr(o, CONTACTS_ATTR) for o in public)
    internal = list(published_organizations(world.musterstadt, contacts=True))
    assert all(hasattr(o, CONTACTS_ATTR) for o in internal)


def test_save_mandate_item_versions_needs_and_translations(world):
    first, second = list(Need.objects.all()[:2])
    item = MandateItem(organization=world.organization, kind="can", text="Berät zu Leistungen.")
    save_mandate_item(item, needs={first: "acts"}, translations={"en": "Advises on benefits."})
    assert item.version == 1
    assert {(link.need, link.role) for link in item.need_links.all()} == {(first, "acts")}
    assert item.translations.get(language="en").source_version == 1

    # Same text: no new version. Changed text: a new version, the translation becomes outdated.
    item.order = 5
    save_mandate_item(item)
    assert item.version == 1
    item.text = "Berät zu Leistungen und zahlt sie aus."
    save_mandate_item(item, needs={second: "advises"}, translations={"en": "Advises on benefits."})
    item.refresh_from_db()
    assert item.version == 2
    assert {(link.need, link.role) for link in item.need_links.all()} == {(second, "advises")}
    assert item.translations.get(language="en").source_version == 1

    # Imports keep the file's version and say which version each translation was made for.
    item.text, item.version = "Text aus der Datei.", 7
    save_mandate_item(
        item,
        translations={"en": "Text from the file.", "ro": ""},
        source_versions={"en": 6},
        keep_version=True,
    )
    item.refresh_from_db()
    assert item.version == 7
    assert [(t.language, t.source_version) for t in item.translations.all()] == [("en", 6)]


def test_member_change_through_save_mandate_item_waits_for_approval(world):
    item = world.organization.mandate_items.first()
    item.text = "Eine geänderte Beschreibung."
    save_mandate_item(item, by_coordinator=False)
    world.organization.refresh_from_db()
    assert world.organization.status == "in_review"
