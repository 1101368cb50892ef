"""Settings for the test suite: production settings with test-only secrets and plain HTTP."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")
# Test-only key for the field encryption of case data (never used outside the test suite).
os.environ.setdefault("WEGWEISER_FIELD_KEYS", "dGVzdC1vbmx5LWZpZWxkLWtleS0wMTIzNDU2Nzg5YWI=")

from wegweiser.settings import *  # noqa: E402,F403
from wegweiser.settings import VAR_DIR  # noqa: E402

# Hashing with the default hasher makes every login in a test cost 0.3 s; tests need no strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Look a static file up when it is asked for instead of listing every file (with a stat) when the
# middleware is built: the test client builds the middleware anew for each test, and the listing
# was a quarter of the time of the route test.
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-uploads"
# Tests change data and look again at once; the page cache has its own tests (core/tests).
CACHE_MIDDLEWARE_SECONDS = 0
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
# Tasks run in the process that queues them (a test sees the result at once); tests of the queue
# itself switch to the dummy or the database backend with override_settings.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
