"""gunicorn settings of the documented production setup (docs/deployment.md, bench/load.py).

`gunicorn -c deploy/gunicorn.conf.py wegweiser.wsgi`. Worker class and counts were chosen by
measurement with `python -m bench.load` (figures in README, *Performance*); override them with
GUNICORN_WORKERS / GUNICORN_THREADS / GUNICORN_WORKER_CLASS for a bigger machine.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads keep idle keep-alive connections cheap and let a worker wait on the database while
# another thread renders; processes use the cores.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
keepalive = 5
timeout = 60
graceful_timeout = 30
backlog = 2048
# Restart workers now and then so a slow leak cannot grow without bound. Not too often: a new
# worker starts with an empty page cache (at 5,000 a worker restarted every few seconds under the
# load of bench/load.py).
max_requests = 50000
max_requests_jitter = 5000
# Import the application once in the master, then fork: a (re)started worker has Django, the URL
# configuration, the views and the translation catalogues loaded (see when_ready) instead of
# importing them while its first requests wait; the workers share those pages of memory.
# Consequence: after an upgrade, restart the service (a HUP does not load new code).
preload_app = True


def when_ready(server):
    """Load what Django loads lazily on the first request, before the workers are forked."""
    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 -- imports every urls and views module
    for code, _name in settings.LANGUAGES:
        translation.activate(code)
    translation.deactivate()
    # Nothing above should open a database connection; if something did, the forked workers must
    # not share its socket.
    connections.close_all()
    # Move everything loaded so far out of the garbage collector's reach: a worker's full
    # collections then scan only what it created itself, and do not write to (and so copy) the
    # memory pages it shares with the master. Measured on the navigator at state scale (issue
    # 16): p95 125 → 72 ms, the slowest requests were those that ran into a full collection.
    gc.freeze()


# One access log is enough: nginx's, with shortened addresses and no query strings or tokens
# (docs/deployment.md). Set GUNICORN_ACCESS_LOG=- to debug; even then the line has no query string
# (a navigator selection can be in it) and no client address: time, method, path, status, size,
# duration in microseconds.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(D)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
