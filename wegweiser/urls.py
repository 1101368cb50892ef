"""URL map. Pages carry a language prefix (/de/…, /en/…); API, health and assets do not."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wegweiser.api.api import api
from wegweiser.core import views as core_views
from wegweiser.network import urls as network_urls

handler400 = "wegweiser.core.views.bad_request"
handler403 = "wegweiser.core.views.permission_denied"
handler404 = "wegweiser.core.views.page_not_found"
handler500 = "wegweiser.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("wegweiser.accounts.urls")),
    path("", include("wegweiser.core.urls")),
    # Each app spells out its own paths (e.g. "m/<slug>/guidebook/…") in its urls.py.
    path("", include("wegweiser.guidebook.urls")),
    path("", include("wegweiser.guidebook.exports.urls")),
    path("", include("wegweiser.navigator.urls")),
    path("", include("wegweiser.network.urls")),
    # The state round table: the network's pages once more, for a network of a state.
    path("", include((network_urls.state_urlpatterns, "network"), namespace="roundtable")),
    path("", include("wegweiser.plans.urls")),
    path("", include("wegweiser.worktime.urls")),
    path("", include("wegweiser.cases.urls")),
    path("", include("wegweiser.learning.urls")),
    path("", include("wegweiser.states.urls")),
    prefix_default_language=True,
)
