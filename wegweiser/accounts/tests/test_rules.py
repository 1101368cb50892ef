"""The object permissions of accounts/rules.py: the rules of `MunicipalityAccess`, per persona."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from wegweiser.guidebook.access import is_coordinator, may_see_internal

EXPECTED = {
    # persona: (core.view_internal, core.manage_network) in Musterstadt
    "coordinator": (True, True),
    "member": (True, False),
    "counsellor": (True, False),
    "state_coordinator": (True, False),
    "outsider": (False, False),
    "foreign_state": (False, False),
}


@pytest.mark.parametrize("persona", EXPECTED)
def test_permissions_per_persona(world, persona):
    user = world.users[persona]
    view_internal, manage_network = EXPECTED[persona]
    assert rules.has_perm("core.view_internal", user, world.musterstadt) is view_internal
    assert rules.has_perm("core.manage_network", user, world.musterstadt) is manage_network
    # Django's own check goes through the rules backend to the same answer.
    assert user.has_perm("core.view_internal", world.musterstadt) is view_internal
    # The guidebook asks the same permissions.
    assert may_see_internal(user, world.musterstadt) is view_internal
    assert is_coordinator(user, world.musterstadt) is manage_network


@pytest.mark.parametrize("user", [None, AnonymousUser()])
def test_nobody_sees_internal_data(world, user):
    assert may_see_internal(user, world.musterstadt) is False
    assert is_coordinator(user, world.musterstadt) is False


def test_no_municipality_no_permission(world):
    assert may_see_internal(world.users["coordinator"], None) is False
