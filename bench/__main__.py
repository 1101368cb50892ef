"""Benchmark of the public guidebook (DESIGN §10): `python -m bench` or `make bench`.

1. Builds a municipality with 150 published actors in a throw-away SQLite database (or the
   database of DATABASE_URL, in which case the municipality is created there and removed again).
2. Counts the SQL queries of the public guidebook page (first and cached rendering).
3. Starts the documented production setup (gunicorn with deploy/gunicorn.conf.py, production
   settings, the public page cache) on 127.0.0.1 with a free port and measures requests per
   second of the page against a static file of the same size served by the same stack
   (whitenoise) — bounded loops on loopback only; prints both figures and the ratio.
4. Renders the guidebook PDF for 150 actors, cold and cached.

Figures are printed, never asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ACTORS = 150
SLUG = "bench-stadt"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--path",
        help="page to measure (default: /de/m/<slug>/guidebook/ if it exists, else the HSDS "
        "export /de/m/<slug>/guidebook/hsds.json)",
    )
    parser.add_argument("--actors", type=int, default=ACTORS)
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each load run")
    parser.add_argument("--connections", type=int, default=4, help="parallel keep-alive clients")
    parser.add_argument("--max-requests", type=int, default=20000, help="cap per load run")
    parser.add_argument("--skip-pdf", action="store_true", help="do not time the PDF")
    parser.add_argument(
        "--typeset-only",
        action="store_true",
        help="only the typesetting comparison (WeasyPrint before the port, Typst; de and ar)",
    )
    parser.add_argument(
        "--state",
        action="store_true",
        help="the state-scale figures (bench/state.py): 400 municipalities, 60,000 actors",
    )
    parser.add_argument("--sqlite", action="store_true", help="--state on SQLite, not PostgreSQL")
    parser.add_argument("--municipalities", type=int, default=400, help="--state: municipalities")
    parser.add_argument("--actors-per-municipality", type=int, default=150)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--meetings", type=int, default=20000, help="meetings and as many tasks")
    parser.add_argument("--skip-gunicorn", action="store_true")
    parser.add_argument("--keep", action="store_true", help="--state: keep the PostgreSQL database")
    parser.add_argument(
        "--build-only", action="store_true", help="--state: build and keep the database, no figures"
    )
    parser.add_argument(
        "--samples", type=int, default=60, help="--state: requests per search/navigator figure"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="--state: measure a database kept by --build-only"
    )
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup_environment(workdir: Path) -> bool:
    """Point Django at a throw-away directory; returns True if the database is throw-away."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "wegweiser.settings_test"
    os.environ["WEGWEISER_VAR_DIR"] = str(workdir)
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    if os.environ.get("DATABASE_URL"):
        return False
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return True


def build_municipality(actors: int):
    """A municipality with `actors` published organisations (mandates from the templates)."""
    import datetime

    from django.core.management import call_command
    from django.db import transaction

    from wegweiser.core.models import Municipality, State
    from wegweiser.guidebook.models import ActorType, ContactPerson, Location, OrganizationStatus
    from wegweiser.guidebook.services import create_organization_from_template

    call_command("migrate", interactive=False, verbosity=0)
    state = State.objects.get(code="07")
    Municipality.objects.filter(slug=SLUG).delete()
    municipality = Municipality.objects.create(
        state=state, name="Benchstadt", slug=SLUG, ags="07999900"
    )
    types = list(ActorType.objects.order_by("order"))
    today = datetime.date.today()
    with transaction.atomic():
        for index in range(actors):
            actor_type = types[index % len(types)]
            organization = create_organization_from_template(
                actor_type,
                f"{actor_type.name.get('de', actor_type.key)} Benchstadt {index + 1:03d}",
                [municipality],
                status=OrganizationStatus.PUBLISHED,
                description=actor_type.summary.get("de", ""),
                email=f"kontakt{index}@bench.example.org",
                phone=f"+49 30 23125 {index:03d}",
                website=f"https://actor{index}.bench.example.org/",
                languages=["de", "en", "ro"],
                last_confirmed_at=today - datetime.timedelta(days=index % 200),
                confidential_address=actor_type.key == "shelter",
            )
            if actor_type.key != "shelter":
                Location.objects.create(
                    organization=organization,
                    name=organization.name,
                    street=f"Benchstraße {index + 1}",
                    postal_code="55599",
                    city="Benchstadt",
                    opening_hours="Mo–Fr 8–12 Uhr",
                    accessibility="Stufenloser Zugang",
                )
            ContactPerson.objects.create(
                organization=organization,
                name=f"Person {index}",
                consent_given_at=today,
            )
    return municipality


def choose_path(requested: str | None) -> str:
    from django.urls import Resolver404, resolve

    if requested:
        return requested
    page = f"/de/m/{SLUG}/guidebook/"
    try:
        resolve(page)
        return page
    except Resolver404:
        return f"/de/m/{SLUG}/guidebook/hsds.json"


def query_counts(path: str) -> tuple[int, int, bytes]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    client = Client()
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    with CaptureQueriesContext(connection) as second:
        client.get(path)
    return len(first), len(second), response.content


# As through the TLS proxy of the production setup; uncompressed, as the static file is compared
# byte for byte.
LOAD_HEADERS = {"Accept-Encoding": "identity", "X-Forwarded-Proto": "https"}


def load(port: int, path: str, seconds: float, connections: int, cap: int) -> tuple[float, int]:
    """Requests per second over `connections` keep-alive clients; bounded by time and count."""
    done = [0] * connections
    errors = [0] * connections
    stop_at = time.perf_counter() + seconds
    budget = cap // connections

    def worker(slot: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while done[slot] < budget and time.perf_counter() < stop_at:
            try:
                conn.request("GET", path, headers=LOAD_HEADERS)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    done[slot] += 1
                else:
                    errors[slot] += 1
            except (OSError, http.client.HTTPException):
                errors[slot] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return sum(done) / elapsed, sum(errors)


def start_gunicorn(port: int, workdir: Path) -> subprocess.Popen:
    """The documented production setup (bench/load.py: production settings, deploy/gunicorn.conf.py,
    the public page cache, behind a TLS proxy) on the database the benchmark built.

    Static files are collected into the throw-away directory first (production settings serve the
    manifest's names); a file placed under static/ before the start is served by WhiteNoise too.
    """
    from bench import load as load_script

    options = argparse.Namespace(workers=None, threads=None, worker_class=None)
    env = load_script.environment(workdir, port, options)
    subprocess.run(  # noqa: S603 -- our own interpreter and module
        [sys.executable, "-m", "wegweiser", "collectstatic", "--noinput", "-v", "0"],
        env=env,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.DEVNULL,
    )
    return load_script.start_gunicorn(env, workdir)


def page_count(data: bytes) -> str:
    """Pages of a PDF via poppler's pdfinfo, if installed."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return "?"
    result = subprocess.run(  # noqa: S603 -- fixed arguments
        [pdfinfo, "-"], input=data, capture_output=True, check=False, timeout=60
    )
    match = re.search(rb"Pages:\s+(\d+)", result.stdout)
    return match.group(1).decode() if match else "?"


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.state:
        from bench import state

        state.main(args)
        return
    workdir = Path(tempfile.mkdtemp(prefix="wegweiser-bench-"))
    throwaway = setup_environment(workdir)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    gunicorn = None
    try:
        print(
            f"Building {args.actors} actors in {'a throw-away database' if throwaway else 'DATABASE_URL'} …"
        )
        started = time.perf_counter()
        municipality = build_municipality(args.actors)
        print(f"  built in {time.perf_counter() - started:.1f} s")

        if args.typeset_only:
            from bench import typeset

            print(f"\nTypesetting, {args.actors} actors, cold, same content:")
            typeset.run(municipality, page_count)
            return

        path = choose_path(args.path)
        first, cached, body = query_counts(path)
        print(f"\nPage {path} ({len(body) / 1024:.1f} kB)")
        print(f"  SQL queries: {first} (first rendering), {cached} (cached)")

        static_dir = workdir / "static" / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
        (static_dir / "same-size.html").write_bytes(body)
        static_path = "/static/bench/same-size.html"

        port = free_port()
        gunicorn = start_gunicorn(port, workdir)
        print(
            f"\ngunicorn (deploy/gunicorn.conf.py, production settings), 127.0.0.1:{port}; "
            f"{args.connections} keep-alive clients, "
            f"{args.seconds:.0f} s per run"
        )
        for warm in (path, static_path):
            load(port, warm, 1.0, args.connections, 500)
        page_rps, page_errors = load(port, path, args.seconds, args.connections, args.max_requests)
        static_rps, static_errors = load(
            port, static_path, args.seconds, args.connections, args.max_requests
        )
        print(f"  guidebook page : {page_rps:8.1f} requests/s  ({page_errors} errors)")
        print(f"  static file    : {static_rps:8.1f} requests/s  ({static_errors} errors)")
        ratio = page_rps / static_rps if static_rps else float("nan")
        print(f"  ratio page/static: {ratio:.2f} (budget: within 2x, i.e. >= 0.50)")
        gunicorn.terminate()
        gunicorn.wait(timeout=15)
        gunicorn = None

        if not args.skip_pdf:
            from bench import typeset

            print(f"\nTypesetting the guidebook PDF, {args.actors} actors, cold, same content:")
            typeset.run(municipality, page_count)
        if not throwaway:
            municipality.organizations.all().delete()
            municipality.delete()
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=15)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
