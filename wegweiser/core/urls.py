from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("m/<slug:slug>/", views.municipality, name="municipality"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("imprint/", views.legal_page, {"page": "imprint"}, name="imprint"),
    path("privacy/", views.legal_page, {"page": "privacy"}, name="privacy"),
    path("accessibility/", views.legal_page, {"page": "accessibility"}, name="accessibility"),
]
