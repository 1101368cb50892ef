"""Use cases of the guidebook: every write goes through these functions (in a transaction).

- entries.py: entries and their mandate items (`save_mandate_item`), approval status, archive,
  consent.
- history.py: changes since publication, the timeline, restoring an earlier version.
- changes.py: members' changes of a published entry, waiting for approval (pending changes).
- freshness.py: stale entries, confirmation links and their answers.
"""

from .changes import (
    approve_changes,
    change_for_form,
    describe,
    needs_approval,
    organizations_with_waiting_changes,
    propose_change,
    returned_changes,
    send_back,
    waiting_changes,
)
from .entries import (
    apply_mandate_template,
    archive,
    create_organization_from_template,
    delete_mandate_item,
    publish,
    record_change,
    save_contact_person,
    save_mandate_item,
    save_organization,
    set_internal_note,
    unarchive,
    withdraw_consent,
)
from .freshness import (
    CONFIRMATION_DAYS,
    LinkState,
    answer_request,
    confirmation_url,
    create_confirmation_request,
    find_request,
    hash_token,
    mark_proposal_reviewed,
    open_proposals,
    open_request,
    send_confirmation_request,
    send_confirmation_requests,
    stale_organizations,
)
from .history import (
    changes_since_publication,
    last_published_record,
    organization_timeline,
    record_changes,
    restore_version,
)

__all__ = [
    "CONFIRMATION_DAYS",
    "LinkState",
    "answer_request",
    "apply_mandate_template",
    "approve_changes",
    "change_for_form",
    "describe",
    "needs_approval",
    "organizations_with_waiting_changes",
    "propose_change",
    "returned_changes",
    "send_back",
    "waiting_changes",
    "archive",
    "changes_since_publication",
    "confirmation_url",
    "create_confirmation_request",
    "create_organization_from_template",
    "delete_mandate_item",
    "find_request",
    "hash_token",
    "last_published_record",
    "mark_proposal_reviewed",
    "open_proposals",
    "open_request",
    "organization_timeline",
    "publish",
    "record_change",
    "record_changes",
    "restore_version",
    "save_contact_person",
    "save_mandate_item",
    "save_organization",
    "set_internal_note",
    "send_confirmation_request",
    "send_confirmation_requests",
    "stale_organizations",
    "unarchive",
    "withdraw_consent",
]
