from django.urls import path

from . import views

app_name = "guidebook"

M = "m/<slug:slug>/guidebook/"
O = M + "<uuid:pk>/"  # noqa: E741

urlpatterns = [
    path(M, views.overview, name="overview"),
    path(M + "search/", views.search, name="search"),
    path(M + "print/", views.print_view, name="print"),
    path(M + "new/", views.new_organization, name="new"),
    path(M + "review/", views.review, name="review"),
    path(M + "review/confirmations/", views.send_confirmations, name="send_confirmations"),
    path(M + "proposals/<uuid:proposal>/", views.proposal_done, name="proposal_done"),
    path(O, views.detail, name="detail"),
    path(O + "edit/", views.edit, name="edit"),
    path(O + "mandate/new/", views.mandate_item, name="mandate_new"),
    path(O + "mandate/<uuid:item>/", views.mandate_item, name="mandate_item"),
    path(O + "mandate/<uuid:item>/delete/", views.mandate_item_delete, name="mandate_delete"),
    path(O + "contacts/", views.contacts, name="contacts"),
    path(O + "contacts/<uuid:person>/", views.contacts, name="contact"),
    path(O + "contacts/<uuid:person>/withdraw/", views.withdraw_consent, name="withdraw_consent"),
    path(O + "approve/", views.approve, name="approve"),
    path(O + "history/", views.history, name="history"),
    path(O + "archive/", views.archive, name="archive"),
    path("guidebook/confirm/<str:token>/", views.confirm, name="confirm"),
]
