from django.urls import path

from .views import courses, manage, rights

app_name = "learning"

M = "m/<slug:slug>/learning/"
C = M + "courses/<slug:course>/"
R = "m/<slug:slug>/rights/"

urlpatterns = [
    path(M, courses.courses, name="courses"),
    path(M + "figures/", manage.figures, name="figures"),
    path(M + "workshop/", manage.workshop_kit, name="workshop"),
    path(M + "workshop/<slug:part>.pdf", manage.workshop_file, name="workshop_file"),
    path(C, courses.course, name="course"),
    path(C + "certificate.pdf", courses.certificate, name="certificate"),
    path(C + "scorm.zip", manage.scorm_package, name="scorm"),
    path(C + "<slug:unit>/", courses.unit, name="unit"),
    path(R, rights.rights, name="rights"),
    path(R + "easy/", rights.rights_easy, name="rights_easy"),
    path(R + "leaflet.pdf", rights.leaflet, name="rights_leaflet"),
    path(R + "sw.js", rights.service_worker, name="rights_sw"),
]
