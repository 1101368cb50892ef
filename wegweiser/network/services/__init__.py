"""Use cases of network work. Views and commands call these; they hold the rules and every write.

One module per section; the names below are the public surface other code imports.
"""

from ..selectors import active_members, carried_over, feed_meetings
from .agreements import create_agreement, record_signature, set_validity, update_agreement
from .calendar import calendar_bytes, feed_for, meeting_event
from .files import store_file
from .invitations import (
    INVITATION_DAYS,
    accept_invitation,
    create_account,
    create_invitation,
    find_open_invitation,
    open_invitation_by_id,
    revoke_invitation,
)
from .meetings import (
    BERLIN,
    add_agenda_item,
    aware,
    confirmed_count,
    create_meeting,
    create_series,
    invite_users,
    move_agenda_item,
    record_attendance,
    remove_agenda_item,
    respond,
    update_agenda_item,
    update_meeting,
)
from .minutes import (
    MINUTES_TRANSITIONS,
    add_decision,
    add_minutes_comment,
    comments_open,
    minutes_for,
    save_minutes,
    transition_minutes,
)
from .network import (
    Gap,
    end_membership,
    gaps,
    invitation_draft,
    save_network,
    start_state_round_table,
)
from .reminders import send_reminders
from .reports import report, year_bounds
from .tasks import add_action_item, set_action_status

__all__ = [
    "BERLIN",
    "INVITATION_DAYS",
    "MINUTES_TRANSITIONS",
    "Gap",
    "accept_invitation",
    "active_members",
    "add_action_item",
    "add_agenda_item",
    "add_minutes_comment",
    "comments_open",
    "create_agreement",
    "record_signature",
    "set_validity",
    "update_agreement",
    "move_agenda_item",
    "update_agenda_item",
    "add_decision",
    "aware",
    "calendar_bytes",
    "carried_over",
    "confirmed_count",
    "create_account",
    "create_invitation",
    "create_meeting",
    "create_series",
    "end_membership",
    "feed_for",
    "feed_meetings",
    "find_open_invitation",
    "open_invitation_by_id",
    "gaps",
    "invitation_draft",
    "invite_users",
    "meeting_event",
    "minutes_for",
    "record_attendance",
    "remove_agenda_item",
    "report",
    "respond",
    "revoke_invitation",
    "save_minutes",
    "save_network",
    "send_reminders",
    "start_state_round_table",
    "set_action_status",
    "store_file",
    "transition_minutes",
    "update_meeting",
    "year_bounds",
]
