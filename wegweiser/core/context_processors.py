from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi


def site(request: HttpRequest) -> dict[str, Any]:
    """Values every page needs: languages for the switcher, text direction, operator details."""
    return {
        "site_languages": settings.LANGUAGES,
        "current_language": get_language(),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "operator": settings.WEGWEISER_OPERATOR,
    }
