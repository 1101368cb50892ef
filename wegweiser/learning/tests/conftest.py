import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german_urls():
    """Each test starts in German: a request to /en/… leaves its language active in the thread."""
    with translation.override("de"):
        yield
