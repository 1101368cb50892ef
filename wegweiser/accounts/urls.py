from django.urls import path

from . import views, views_personal_data, views_reads

app_name = "accounts"

# Mounted at the root (after the language prefix), so each path spells out its own prefix.
urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/2fa/", views.two_factor, name="two_factor"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/profile/tokens/", views.token_create, name="token_create"),
    path("accounts/profile/data.json", views_personal_data.export, name="personal_data"),
    path("accounts/profile/delete/", views_personal_data.delete, name="delete"),
    path("accounts/profile/tokens/<str:prefix>/revoke/", views.token_revoke, name="token_revoke"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password-reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Who read the municipality's internal data (its coordinators only).
    path("m/<slug:slug>/reads/", views_reads.reads, name="reads"),
    path("m/<slug:slug>/reads.csv", views_reads.reads_csv, name="reads_csv"),
]
