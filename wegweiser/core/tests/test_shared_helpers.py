import pytest
from django.http import Http404
from django.test import override_settings
from django.utils import translation

from wegweiser.core.i18n import current_language, is_professional_language
from wegweiser.core.links import absolute_reverse, absolute_url
from wegweiser.core.selectors import public_municipality


def test_current_language_short_code_and_default():
    with translation.override("de-at"):
        assert current_language() == "de"
    with translation.override("ar"):
        assert current_language() == "ar"
        assert not is_professional_language()
    assert current_language("en-gb") == "en"
    translation.deactivate_all()
    assert current_language() == "de"


@override_settings(WEGWEISER_BASE_URL="https://wegweiser.example.org/")
def test_absolute_links_use_the_configured_address():
    assert absolute_url("/de/") == "https://wegweiser.example.org/de/"
    with translation.override("de"):
        assert absolute_reverse("healthz") == "https://wegweiser.example.org/healthz"


@pytest.mark.django_db
def test_public_municipality_404_for_unknown_slug(world):
    municipality = world.musterstadt
    assert public_municipality(municipality.slug) == municipality
    with pytest.raises(Http404):
        public_municipality("no-such-place")
