"""Network work: networks, invitations, meetings, agendas, minutes, decisions, action items,
cooperation agreements.

Members are `accounts.Membership` rows (user × municipality × role × organisation); this app adds
what a network does together. Every change is kept (simple-history); nothing is hard-deleted
except agenda items and files a coordinator removes on purpose.
"""

from .agreements import AgreementParty, AgreementQuerySet, AgreementStatus, CooperationAgreement
from .calendar import CalendarFeed, ReminderLog
from .meetings import (
    AgendaItem,
    Meeting,
    MeetingKind,
    MeetingQuerySet,
    MeetingSeries,
    Participant,
    Rsvp,
    SeriesRule,
)
from .network import INVITABLE_ROLES, Invitation, InvitationQuerySet, Network, Structure
from .records import (
    ActionItem,
    ActionStatus,
    Decision,
    MeetingFile,
    Minutes,
    MinutesComment,
    MinutesStatus,
    meeting_file_path,
    minutes_sections,
)

__all__ = [
    "INVITABLE_ROLES",
    "ActionItem",
    "ActionStatus",
    "AgreementParty",
    "AgreementQuerySet",
    "AgreementStatus",
    "AgendaItem",
    "CalendarFeed",
    "CooperationAgreement",
    "Decision",
    "Invitation",
    "InvitationQuerySet",
    "Meeting",
    "MeetingFile",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingSeries",
    "Minutes",
    "MinutesComment",
    "MinutesStatus",
    "Network",
    "Participant",
    "ReminderLog",
    "Rsvp",
    "SeriesRule",
    "Structure",
    "meeting_file_path",
    "minutes_sections",
]
