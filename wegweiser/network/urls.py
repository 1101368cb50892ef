from django.urls import path

from .views import calendar, files, invitations, meetings, members, minutes, network, reports, tasks

app_name = "network"

M = "m/<slug:slug>/network/"
MEETING = M + "meetings/<uuid:meeting>/"

urlpatterns = [
    path(M, network.dashboard, name="dashboard"),
    path(M + "settings/", network.network_settings, name="settings"),
    path(M + "roadmap/<slug:step>/", network.roadmap_step, name="roadmap_step"),
    path(M + "members/", members.members, name="members"),
    path(M + "members/invite/", invitations.invite, name="invite"),
    path(M + "members/remove/", members.member_remove, name="member_remove"),
    path(
        M + "invitations/<uuid:invitation>/revoke/",
        invitations.invitation_revoke,
        name="invitation_revoke",
    ),
    path(M + "leave/", members.leave, name="leave"),
    path("network/invitation/", invitations.invitation, name="invitation"),
    path("network/invitation/<str:token>/", invitations.accept, name="accept"),
    path(M + "meetings/", meetings.meetings, name="meetings"),
    path(M + "meetings/new/", meetings.meeting_create, name="meeting_create"),
    path(M + "series/new/", meetings.series_create, name="series_create"),
    path(MEETING, meetings.meeting_detail, name="meeting_detail"),
    path(MEETING + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(MEETING + "invite/", meetings.meeting_invite, name="meeting_invite"),
    path(MEETING + "rsvp/", meetings.meeting_rsvp, name="meeting_rsvp"),
    path(MEETING + "attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path(MEETING + "agenda/", meetings.agenda_add, name="agenda_add"),
    path(MEETING + "agenda/<uuid:item>/delete/", meetings.agenda_delete, name="agenda_delete"),
    path(MEETING + "agenda/<uuid:item>/", meetings.agenda_edit, name="agenda_edit"),
    path(MEETING + "agenda/<uuid:item>/move/", meetings.agenda_move, name="agenda_move"),
    path(MEETING + "minutes/", minutes.minutes_edit, name="minutes_edit"),
    path(MEETING + "minutes/comments/", minutes.minutes_comment, name="minutes_comment"),
    path(MEETING + "minutes/print/", minutes.minutes_print, name="minutes_print"),
    path(MEETING + "minutes.pdf", minutes.minutes_pdf, name="minutes_pdf"),
    path(MEETING + "minutes/<slug:action>/", minutes.minutes_transition, name="minutes_transition"),
    path(MEETING + "decisions/", minutes.decision_add, name="decision_add"),
    path(MEETING + "actions/", tasks.action_add, name="action_add"),
    path(MEETING + "files/", files.file_upload, name="file_upload"),
    path(MEETING + "calendar.ics", calendar.meeting_ics, name="meeting_ics"),
    path(M + "files/<uuid:file>/", files.file_download, name="file_download"),
    path(M + "actions/", tasks.actions, name="actions"),
    path(M + "actions/<uuid:item>/", tasks.action_update, name="action_update"),
    path(M + "report/<int:year>/", reports.report, name="report"),
    path(M + "report/<int:year>/csv/", reports.report_csv, name="report_csv"),
    path("network/calendar/", calendar.calendar_settings, name="calendar"),
    path("network/calendar/reset/", calendar.calendar_reset, name="calendar_reset"),
    path("network/feed/<str:token>.ics", calendar.feed, name="feed"),
]
