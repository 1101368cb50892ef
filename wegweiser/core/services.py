from .models import State
from .states import STATES


def ensure_states() -> None:
    """Create or update the sixteen federal states (also after a test database was flushed)."""
    for code, name, slug, subdivision in STATES:
        State.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slug, "subdivision": subdivision}
        )
