"""Messages of the guidebook API routes, kept here so their translations live in this app."""

from django.utils.translation import gettext_lazy as _

COORDINATORS_ONLY = _("Only the network's coordinators may import into its guidebook.")
FILE_TOO_LARGE = _("The file is too large.")
NOT_FOUND = _("Not found.")
