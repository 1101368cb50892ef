"""One-time secrets sent by e-mail or shown once (invitations, confirmation links, API tokens).

Only a hash is stored: a leaked database does not open anybody's link.
"""

import hashlib
import secrets


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()
