"""wegweiser guidebook_pdfs [--municipality SLUG]: render the public guidebook PDFs into the cache.

A guidebook PDF of 150 actors takes about a minute to typeset. Run this after imports or from a
timer (e.g. every 15 minutes) when the cache is shared between app servers (REDIS_URL), so readers
get the cached PDF; it renders only PDFs whose guidebook changed since the last run.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from wegweiser.core.models import Municipality
from wegweiser.guidebook.exports.pdf import formal_pdf, formal_pdf_cache_key
from wegweiser.guidebook.selectors import published_organizations


class Command(BaseCommand):
    help = "Render the public guidebook PDFs (all enabled languages) into the shared cache."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="slug of one municipality (default: all)")

    def handle(self, *args, **options):
        municipalities = Municipality.objects.select_related("state").order_by("slug")
        if options["municipality"]:
            municipalities = municipalities.filter(slug=options["municipality"])
            if not municipalities:
                raise CommandError(f"Unknown municipality: {options['municipality']}")
        known = {code for code, _name in settings.LANGUAGES}
        rendered = 0
        for municipality in municipalities:
            if not published_organizations(municipality).exists():
                continue
            for language in [code for code in municipality.languages if code in known]:
                with translation.override(language):
                    if cache.get(formal_pdf_cache_key(municipality)) is not None:
                        continue
                    started = time.perf_counter()
                    formal_pdf(municipality)
                    rendered += 1
                    self.stdout.write(
                        f"{municipality.slug} [{language}]: {time.perf_counter() - started:.1f} s"
                    )
        self.stdout.write(f"{rendered} PDF(s) rendered.")
