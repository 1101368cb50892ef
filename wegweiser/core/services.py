from django.db import transaction
from django.utils.text import slugify

from .models import Municipality, State
from .states import STATES


def ensure_states() -> None:
    """Create or update the sixteen federal states (also after a test database was flushed)."""
    for code, name, slug, subdivision in STATES:
        State.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slug, "subdivision": subdivision}
        )


@transaction.atomic
def start_municipality(*, state: State, name: str, ags: str) -> Municipality:
    """A new municipality of `state` with a free slug made from its name (or its key)."""
    base = slugify(name) or ags
    slug, counter = base, 2
    while Municipality.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return Municipality.objects.create(state=state, name=name, ags=ags, slug=slug)
