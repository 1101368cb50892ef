from collections.abc import Callable

from django.http.response import HttpResponseBase
from django.urls import URLPattern, path

from .views import (
    agreements,
    calendar,
    files,
    invitations,
    meetings,
    members,
    minutes,
    network,
    reports,
    tasks,
)

app_name = "network"

MEETING = "meetings/<uuid:meeting>/"
AGREEMENT = "agreements/<uuid:agreement>/"

# The pages a network works with, relative to its address. They serve a municipality's network
# under m/<slug>/network/ and, included a second time (instance namespace "roundtable", see
# wegweiser/urls.py and access.get_network_for_user), the state round table under
# state/<slug>/roundtable/. Templates reverse "network:…" and land in the scope they render for.
SHARED: list[tuple[str, Callable[..., HttpResponseBase], str]] = [
    ("members/", members.members, "members"),
    ("members/invite/", invitations.invite, "invite"),
    ("members/remove/", members.member_remove, "member_remove"),
    ("invitations/<uuid:invitation>/revoke/", invitations.invitation_revoke, "invitation_revoke"),
    ("leave/", members.leave, "leave"),
    ("meetings/", meetings.meetings, "meetings"),
    ("meetings/new/", meetings.meeting_create, "meeting_create"),
    ("series/new/", meetings.series_create, "series_create"),
    (MEETING, meetings.meeting_detail, "meeting_detail"),
    (MEETING + "edit/", meetings.meeting_edit, "meeting_edit"),
    (MEETING + "invite/", meetings.meeting_invite, "meeting_invite"),
    (MEETING + "rsvp/", meetings.meeting_rsvp, "meeting_rsvp"),
    (MEETING + "attendance/", meetings.meeting_attendance, "meeting_attendance"),
    (MEETING + "agenda/", meetings.agenda_add, "agenda_add"),
    (MEETING + "agenda/<uuid:item>/delete/", meetings.agenda_delete, "agenda_delete"),
    (MEETING + "agenda/<uuid:item>/", meetings.agenda_edit, "agenda_edit"),
    (MEETING + "agenda/<uuid:item>/move/", meetings.agenda_move, "agenda_move"),
    (MEETING + "minutes/", minutes.minutes_edit, "minutes_edit"),
    (MEETING + "minutes/comments/", minutes.minutes_comment, "minutes_comment"),
    (MEETING + "minutes/print/", minutes.minutes_print, "minutes_print"),
    (MEETING + "minutes.pdf", minutes.minutes_pdf, "minutes_pdf"),
    (MEETING + "minutes/<slug:action>/", minutes.minutes_transition, "minutes_transition"),
    (MEETING + "decisions/", minutes.decision_add, "decision_add"),
    (MEETING + "actions/", tasks.action_add, "action_add"),
    (MEETING + "files/", files.file_upload, "file_upload"),
    (MEETING + "calendar.ics", calendar.meeting_ics, "meeting_ics"),
    ("files/<uuid:file>/", files.file_download, "file_download"),
    ("actions/", tasks.actions, "actions"),
    ("actions/<uuid:item>/", tasks.action_update, "action_update"),
    ("report/<int:year>/", reports.report, "report"),
    ("report/<int:year>/csv/", reports.report_csv, "report_csv"),
    ("agreements/", agreements.agreements, "agreements"),
    ("agreements/new/", agreements.agreement_create, "agreement_create"),
    (AGREEMENT, agreements.agreement_detail, "agreement_detail"),
    (AGREEMENT + "edit/", agreements.agreement_edit, "agreement_edit"),
    (AGREEMENT + "sign/", agreements.agreement_sign, "agreement_sign"),
    (AGREEMENT + "validity/", agreements.agreement_validity, "agreement_validity"),
    (AGREEMENT + "agreement.pdf", agreements.agreement_pdf, "agreement_pdf"),
]


def scoped(prefix: str) -> list[URLPattern]:
    return [path(prefix + route, view, name=name) for route, view, name in SHARED]


M = "m/<slug:slug>/network/"

urlpatterns = [
    path(M, network.dashboard, name="dashboard"),
    path(M + "settings/", network.network_settings, name="settings"),
    path(M + "roadmap/<slug:step>/", network.roadmap_step, name="roadmap_step"),
    *scoped(M),
    path("network/invitation/", invitations.invitation, name="invitation"),
    path("network/invitation/<str:token>/", invitations.accept, name="accept"),
    path("network/calendar/", calendar.calendar_settings, name="calendar"),
    path("network/calendar/reset/", calendar.calendar_reset, name="calendar_reset"),
    path("network/feed/<str:token>.ics", calendar.feed, name="feed"),
]

# The state round table (a network of a state): the same pages, members and coordination of the
# state. wegweiser/urls.py includes these as include((state_urlpatterns, "network"), "roundtable").
state_urlpatterns = scoped("state/<slug:slug>/roundtable/")
