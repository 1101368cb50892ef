"""The guidebook: actors (organisations), their mandates and contact persons.

Shaped after Open Referral HSDS 3.0: Organization → MandateItem (the HSDS "service" facets of an
actor's mandate) → Location, ContactPerson. Vocabulary (actor types, needs) is shared platform-wide
and translated once; mandate texts are editor content with per-language translation rows.

One module per topic; every name stays importable from `wegweiser.guidebook.models`.
"""

from .entries import (
    Location,
    Organization,
    OrganizationQuerySet,
    OrganizationStatus,
    Visibility,
)
from .mandates import (
    MandateItem,
    MandateKind,
    MandateNeed,
    MandateTranslation,
    NeedRole,
)
from .people import (
    ContactPerson,
    ContactPersonQuerySet,
    InternalNote,
)
from .review import (
    ConfirmationRequest,
    PendingChange,
)
from .vocabulary import (
    ActorType,
    Need,
    localized,
)

__all__ = [
    "localized",
    "ActorType",
    "Need",
    "Visibility",
    "OrganizationStatus",
    "OrganizationQuerySet",
    "Organization",
    "Location",
    "MandateKind",
    "NeedRole",
    "MandateItem",
    "MandateTranslation",
    "MandateNeed",
    "ContactPersonQuerySet",
    "InternalNote",
    "ContactPerson",
    "ConfirmationRequest",
    "PendingChange",
]
