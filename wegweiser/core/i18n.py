"""Language helpers shared by every app (one definition of "the active language")."""

from django.conf import settings
from django.utils.translation import get_language


def current_language(language: str | None = None) -> str:
    """The short code of `language`, or of the active language ("de-at" → "de"); German by default."""
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def is_professional_language(language: str | None = None) -> bool:
    """German and English carry the professional pages; the others are worker languages."""
    return current_language(language) in settings.PROFESSIONAL_LANGUAGES
