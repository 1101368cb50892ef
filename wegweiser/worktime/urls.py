from django.urls import path

from . import views

app_name = "worktime"

urlpatterns = [
    path("worktime/", views.app, name="app"),
    path("worktime/sw.js", views.service_worker, name="service_worker"),
    path("worktime/manifest.webmanifest", views.manifest, name="manifest"),
    path("worktime/schema/v1.json", views.schema, name="schema"),
    path("worktime/paper/", views.paper, name="paper"),
    path("worktime/review/", views.review, name="review"),
]
