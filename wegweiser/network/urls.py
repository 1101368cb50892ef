from django.urls import path

from . import views

app_name = "network"

M = "m/<slug:slug>/network/"
MEETING = M + "meetings/<uuid:meeting>/"

urlpatterns = [
    path(M, views.dashboard, name="dashboard"),
    path(M + "settings/", views.network_settings, name="settings"),
    path(M + "roadmap/<slug:step>/", views.roadmap_step, name="roadmap_step"),
    path(M + "members/", views.members, name="members"),
    path(M + "members/invite/", views.invite, name="invite"),
    path(M + "members/remove/", views.member_remove, name="member_remove"),
    path(
        M + "invitations/<uuid:invitation>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(M + "leave/", views.leave, name="leave"),
    path("network/invitation/<str:token>/", views.accept, name="accept"),
    path(M + "meetings/", views.meetings, name="meetings"),
    path(M + "meetings/new/", views.meeting_create, name="meeting_create"),
    path(M + "series/new/", views.series_create, name="series_create"),
    path(MEETING, views.meeting_detail, name="meeting_detail"),
    path(MEETING + "edit/", views.meeting_edit, name="meeting_edit"),
    path(MEETING + "invite/", views.meeting_invite, name="meeting_invite"),
    path(MEETING + "rsvp/", views.meeting_rsvp, name="meeting_rsvp"),
    path(MEETING + "attendance/", views.meeting_attendance, name="meeting_attendance"),
    path(MEETING + "agenda/", views.agenda_add, name="agenda_add"),
    path(MEETING + "agenda/<uuid:item>/delete/", views.agenda_delete, name="agenda_delete"),
    path(MEETING + "minutes/", views.minutes_edit, name="minutes_edit"),
    path(MEETING + "minutes/<slug:action>/", views.minutes_transition, name="minutes_transition"),
    path(MEETING + "decisions/", views.decision_add, name="decision_add"),
    path(MEETING + "actions/", views.action_add, name="action_add"),
    path(MEETING + "files/", views.file_upload, name="file_upload"),
    path(MEETING + "calendar.ics", views.meeting_ics, name="meeting_ics"),
    path(M + "files/<uuid:file>/", views.file_download, name="file_download"),
    path(M + "actions/", views.actions, name="actions"),
    path(M + "actions/<uuid:item>/", views.action_update, name="action_update"),
    path(M + "report/<int:year>/", views.report, name="report"),
    path(M + "report/<int:year>/csv/", views.report_csv, name="report_csv"),
    path("network/calendar/", views.calendar_settings, name="calendar"),
    path("network/calendar/reset/", views.calendar_reset, name="calendar_reset"),
    path("network/feed/<str:token>.ics", views.feed, name="feed"),
    path("network/state/<slug:state>/", views.state_overview, name="state_overview"),
]
