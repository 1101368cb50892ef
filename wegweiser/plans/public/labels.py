"""Field names of the national action plan against trafficking, translated for the public page."""

from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "prevention": _("Prevention"),
    "protection": _("Protection, support and compensation of victims"),
    "prosecution": _("Prosecution"),
    "cooperation": _("Cooperation"),
}
