"""URLs of the guidebook's exports (included at the language root, see wegweiser/urls.py)."""

from django.urls import path

from . import views

app_name = "guidebook_exports"

urlpatterns = [
    path("m/<slug:slug>/guidebook/guidebook.pdf", views.guidebook_pdf, name="pdf"),
    path(
        "m/<slug:slug>/guidebook/guidebook-internal.pdf",
        views.guidebook_internal_pdf,
        name="pdf_internal",
    ),
    path("m/<slug:slug>/guidebook/hsds.json", views.guidebook_hsds, name="hsds"),
    path(
        "m/<slug:slug>/guidebook/<uuid:organization>/contact.vcf",
        views.organization_vcard,
        name="organization_vcard",
    ),
    path(
        "m/<slug:slug>/guidebook/<uuid:organization>/contacts/<uuid:person>.vcf",
        views.person_vcard,
        name="person_vcard",
    ),
]
