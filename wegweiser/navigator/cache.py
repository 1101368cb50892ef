"""Navigator results, cached at the boundary where pages and the API ask for them.

A result depends only on the municipality's guidebook, the ticked needs, the options the caller
passes (whether contact persons may be shown, the residence status when given, …) and the language,
so those make the key, with the guidebook's fingerprint: any change to an entry gives a new key and
the next request computes afresh. Contact persons (network visibility) are only in results whose
key says they may be shown, and such a key carries the municipality (DESIGN §8: cache keys of
non-public content include the tenant and the role).

A thin wrapper: the ordering itself stays in navigator.services.recommend.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from wegweiser.guidebook.fingerprint import guidebook_fingerprint

from .services import recommend

RESULT_SECONDS = 600  # also bounds how long a result outlives a deploy of new ordering rules


def result_key(municipality, needs, options: dict) -> str:
    parts = [
        str(municipality.pk),
        guidebook_fingerprint(municipality),
        ",".join(sorted(need.key for need in needs)),
        *(f"{name}={options[name]}" for name in sorted(options)),
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"navigator:result:{municipality.pk}:{digest}"


def cached_recommend(municipality, needs, **options):
    """recommend(municipality, needs, **options), computed once per key (see module docstring).

    `language` must be passed explicitly: it is part of the key.
    """
    if "language" not in options:
        raise TypeError("cached_recommend needs the language")
    key = result_key(municipality, needs, options)
    result = cache.get(key)
    if result is None:
        result = recommend(municipality, needs, **options)
        cache.set(key, result, RESULT_SECONDS)
    return result
