from django.urls import path

from . import views

app_name = "plans"

P = "m/<slug:slug>/plan/"
MEASURE = P + "measures/<uuid:measure>/"

urlpatterns = [
    path(P, views.plan_detail, name="plan"),
    path(P + "start/", views.plan_create, name="create"),
    path(P + "edit/", views.plan_edit, name="edit"),
    path(P + "draft/", views.draft, name="draft"),
    path(MEASURE + "decide/", views.proposal_decide, name="proposal_decide"),
    path(P + "measures/new/", views.measure_create, name="measure_create"),
    path(MEASURE, views.measure_detail, name="measure"),
    path(MEASURE + "edit/", views.measure_edit, name="measure_edit"),
    path(MEASURE + "link/", views.measure_link, name="measure_link"),
    path(MEASURE + "links/<uuid:link>/remove/", views.measure_unlink, name="measure_unlink"),
    path(MEASURE + "values/", views.value_add, name="value_add"),
    path(P + "adopt/", views.adopt, name="adopt"),
    path(P + "versions/<int:number>/", views.version_detail, name="version"),
    path(P + "versions/<int:number>/pdf/", views.version_pdf, name="version_pdf"),
    path(P + "reviews/new/", views.review_create, name="review_create"),
    path(P + "reviews/<uuid:review>/", views.review_detail, name="review"),
    path(P + "reviews/<uuid:review>/pdf/", views.review_pdf, name="review_pdf"),
    path(P + "reviews/<uuid:review>/odt/", views.review_odt, name="review_odt"),
    path("plans/state/<slug:state>/", views.state_overview, name="state_overview"),
]
