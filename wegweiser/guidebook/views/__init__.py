"""Pages of the guidebook, by who uses them:

- public.py: overview, detail, search (the internal version for network members),
- editing.py: editing an entry, its mandate items and contact persons, new entries,
- review.py: approval, history, archive, the review queue, the confirmation link.
"""

from .editing import (
    contacts,
    edit,
    mandate_item,
    mandate_item_delete,
    new_organization,
    withdraw_consent,
)
from .public import detail, overview, print_view, search
from .review import (
    approve,
    archive,
    confirm,
    history,
    proposal_done,
    review,
    send_confirmations,
)

__all__ = [
    "approve",
    "archive",
    "confirm",
    "contacts",
    "detail",
    "edit",
    "history",
    "mandate_item",
    "mandate_item_delete",
    "new_organization",
    "overview",
    "print_view",
    "proposal_done",
    "review",
    "search",
    "send_confirmations",
    "withdraw_consent",
]
