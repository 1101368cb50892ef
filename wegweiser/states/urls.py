from django.urls import path

from . import views, views_guidebook

app_name = "states"

S = "state/<slug:state>/"

urlpatterns = [
    path(S, views.state_page, name="state_page"),
    path(S + "coverage/", views.coverage, name="coverage"),
    path(S + "coverage.csv", views.coverage_csv, name="coverage_csv"),
    path(S + "actors/", views.state_actors, name="actors"),
    path(S + "actors/<uuid:pk>/publish/", views.state_actor_publish, name="actor_publish"),
    path(S + "actors/<uuid:pk>/", views_guidebook.state_actor, name="actor"),
    path(S + "template/", views_guidebook.template, name="template"),
    path(S + "template/<slug:key>/", views_guidebook.template_type, name="template_type"),
    path(
        S + "entries/<uuid:pk>/mandate/new/",
        views_guidebook.entry_mandate_item,
        name="entry_mandate_new",
    ),
    path(
        S + "entries/<uuid:pk>/mandate/<uuid:item>/",
        views_guidebook.entry_mandate_item,
        name="entry_mandate_item",
    ),
    path(
        S + "entries/<uuid:pk>/mandate/<uuid:item>/delete/",
        views_guidebook.entry_mandate_delete,
        name="entry_mandate_delete",
    ),
    path(S + "search/", views.member_search, name="search"),
    path(S + "rollout/", views.rollout, name="rollout"),
    path(S + "m/<slug:slug>/invite/", views.invite_coordinator, name="invite_coordinator"),
    path(S + "roundtable/start/", views.round_table_start, name="round_table_start"),
]
