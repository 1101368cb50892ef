from django.urls import path

from . import views

app_name = "navigator"

urlpatterns = [
    path("m/<slug:slug>/navigator/", views.professional, name="professional"),
    path("m/<slug:slug>/navigator/sheet/", views.referral_sheet, name="sheet"),
    path("m/<slug:slug>/help/", views.simple_help, name="help"),
    path("m/<slug:slug>/help/sw.js", views.help_service_worker, name="help_sw"),
    path("m/<slug:slug>/indicators/", views.indicator_check, name="municipality_indicators"),
    path("indicators/", views.indicator_check, name="indicators"),
]
