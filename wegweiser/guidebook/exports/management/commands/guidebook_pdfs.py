"""wegweiser guidebook_pdfs [--municipality SLUG] [--internal]: queue the guidebook PDFs.

Queues a render (task `render_guidebook_pdf`, run by the worker) of every public guidebook PDF
(all enabled languages) whose stored file does not show the current guidebook, e.g. after an
import or when a new installation starts. With --now, renders in this process instead.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wegweiser.core.models import Municipality
from wegweiser.guidebook.exports import documents
from wegweiser.guidebook.exports.models import PdfVersion
from wegweiser.guidebook.selectors import published_organizations


class Command(BaseCommand):
    help = "Queue (or with --now render) the guidebook PDFs whose guidebook changed."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="slug of one municipality (default: all)")
        parser.add_argument("--internal", action="store_true", help="the internal version too")
        parser.add_argument("--now", action="store_true", help="render here, not in the worker")

    def handle(self, *args, **options):
        municipalities = Municipality.objects.select_related("state").order_by("slug")
        if options["municipality"]:
            municipalities = municipalities.filter(slug=options["municipality"])
            if not municipalities:
                raise CommandError(f"Unknown municipality: {options['municipality']}")
        versions = [PdfVersion.PUBLIC] + ([PdfVersion.INTERNAL] if options["internal"] else [])
        known = {code for code, _name in settings.LANGUAGES}
        queued = 0
        for municipality in municipalities:
            if not published_organizations(municipality).exists():
                continue
            for language in [code for code in municipality.languages if code in known]:
                for version in versions:
                    if options["now"]:
                        started = time.perf_counter()
                        documents.render_and_store(municipality.pk, version, language)
                        self.stdout.write(
                            f"{municipality.slug} [{version} {language}]: "
                            f"{time.perf_counter() - started:.1f} s"
                        )
                        queued += 1
                    elif documents.request_pdf(municipality, version, language) is None:
                        queued += 1
        self.stdout.write(f"{queued} PDF(s) {'rendered' if options['now'] else 'queued'}.")
