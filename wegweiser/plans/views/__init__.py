"""Pages of the local action plan. Views stay thin: access helpers, forms, services, selectors."""

from .documents import (
    adopt,
    review_create,
    review_detail,
    review_odt,
    review_pdf,
    state_overview,
    version_detail,
    version_pdf,
)
from .measures import (
    measure_create,
    measure_detail,
    measure_edit,
    measure_link,
    measure_unlink,
    value_add,
)
from .plan import draft, plan_create, plan_detail, plan_edit, proposal_decide

__all__ = [
    "adopt",
    "draft",
    "measure_create",
    "measure_detail",
    "measure_edit",
    "measure_link",
    "measure_unlink",
    "plan_create",
    "plan_detail",
    "plan_edit",
    "proposal_decide",
    "review_create",
    "review_detail",
    "review_odt",
    "review_pdf",
    "state_overview",
    "value_add",
    "version_detail",
    "version_pdf",
]
