"""State-scale benchmark (issue 16): `python -m bench --state [--sqlite]`.

Builds one federal state with 400 municipalities, 60,000 actors (150 each; mandates with German
source and translations in several languages, need links, locations), 2,000 network members,
20,000 meetings and 20,000 tasks — with bulk inserts; the search texts are computed once per
organisation while building (the per-save refresh of the signals is bypassed, i.e. deferred), and
the PostgreSQL statistics are refreshed once at the end. PostgreSQL by default, in its own
database `ww_scale_bench` (WEGWEISER_BENCH_DB; dropped afterwards unless --keep); --sqlite uses a throw-away file.

Then prints each figure next to its goal. Times are wall-clock on a shared machine: compare them
with the baseline printed in the same run (the static file for throughput).
"""

from __future__ import annotations

import datetime
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PG_NAME = os.environ.get("WEGWEISER_BENCH_DB", "ww_scale_bench")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def _setup(args, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "wegweiser.settings_test"
    os.environ["WEGWEISER_VAR_DIR"] = str(workdir)
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    if args.sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'state.sqlite3'}"
    else:
        if not args.reuse:
            _pg(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
            _pg(f"CREATE DATABASE {PG_NAME}")
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()


def _pg(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _batched(model, rows, size=5000):
    for start in range(0, len(rows), size):
        model.objects.bulk_create(rows[start : start + size], batch_size=size)


def generate(municipality_count: int, actors_per: int, members: int, meetings: int, tasks: int):
    """Bulk-insert the state; returns (state, municipalities)."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from wegweiser.accounts.models import Membership, Role, User
    from wegweiser.core.models import Municipality, State
    from wegweiser.guidebook.models import (
        ActorType,
        Location,
        MandateItem,
        MandateNeed,
        MandateTranslation,
        Need,
        Organization,
        OrganizationStatus,
    )
    from wegweiser.guidebook.search import index_text, language_names, unique_words
    from wegweiser.network.models import ActionItem, Meeting, Network

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(16)  # noqa: S311 -- reproducible data, no secret
    state = State.objects.get(code="07")
    types = list(ActorType.objects.order_by("order"))
    needs = {need.key: need for need in Need.objects.all()}
    speaker_sets = [
        ["de"],
        ["de", "en"],
        ["de", "ro", "bg"],
        ["de", "pl", "uk", "ru"],
        ["de", "ar", "tr"],
    ]
    names_of = {code: language_names(code) for group in speaker_sets for code in group}
    today = datetime.date.today()
    shared_text: dict[tuple, str] = {}  # normalised once per actor type and language set
    _search_indexes(connection, drop=True)  # built once after the insert, not row by row
    with transaction.atomic():
        municipalities = [
            Municipality(
                state=state, name=f"Benchgemeinde {i:03d}", slug=f"bench-{i:03d}", ags=f"07{i:06d}"
            )
            for i in range(municipality_count)
        ]
        Municipality.objects.bulk_create(municipalities)
        municipalities = list(
            Municipality.objects.filter(slug__startswith="bench-").order_by("slug")
        )
        organizations, links, locations, items, translations, need_links = [], [], [], [], [], []
        for m_index, municipality in enumerate(municipalities):
            for a_index in range(actors_per):
                actor_type = types[a_index % len(types)]
                spoken = speaker_sets[(m_index + a_index) % len(speaker_sets)]
                organization = Organization(
                    actor_type=actor_type,
                    name=f"{actor_type.name.get('de', actor_type.key)} {municipality.name} {a_index + 1:03d}",
                    description=actor_type.summary.get("de", ""),
                    email=f"kontakt{a_index}@{municipality.slug}.example.org",
                    phone=f"+49 6131 {m_index:03d}{a_index:03d}",
                    languages=spoken,
                    status=OrganizationStatus.PUBLISHED,
                    confidential_address=actor_type.key == "shelter",
                    last_confirmed_at=today - datetime.timedelta(days=rng.randrange(400)),
                )
                parts = [organization.name]
                if not organization.confidential_address:
                    location = Location(
                        organization=organization,
                        name=organization.name,
                        street=f"Hauptstraße {a_index + 1}",
                        postal_code=f"55{m_index:03d}",
                        city=municipality.name,
                        opening_hours="Mo–Fr 8–12 Uhr",
                    )
                    locations.append(location)
                    parts += [location.name, location.street, location.city, location.opening_hours]
                for order, entry in enumerate(actor_type.mandate_template[:4], start=1):
                    item = MandateItem(
                        organization=organization,
                        kind=entry["kind"],
                        text=entry["text"]["de"],
                        source=entry.get("source", ""),
                        order=order * 10,
                    )
                    items.append(item)
                    for code in sorted({"en", spoken[-1]} - {"de"}):
                        text = entry["text"].get(code) or f"[{code}] {entry['text']['de']}"
                        translations.append(
                            MandateTranslation(
                                item=item, language=code, text=text, source_version=1
                            )
                        )
                    for link in entry.get("needs", []):
                        if link["key"] in needs:
                            need = needs[link["key"]]
                            need_links.append(MandateNeed(item=item, need=need, role=link["role"]))
                key = (actor_type.pk, tuple(spoken))
                if key not in shared_text:
                    shared_text[key] = index_text(
                        _shared_parts(actor_type, spoken, names_of, needs)
                    )
                # As the product stores it (each word once: guidebook/search.py index_text).
                organization.search_text = unique_words(index_text(parts) + shared_text[key])
                organization.internal_search_text = organization.search_text
                organizations.append(organization)
                links.append((organization, municipality))
        _batched(Organization, organizations)
        through = Organization.municipalities.through
        _batched(through, [through(organization=o, municipality=m) for o, m in links])
        _batched(Location, locations)
        _batched(MandateItem, items)
        _batched(MandateTranslation, translations)
        _batched(MandateNeed, need_links)

        users = [
            User(email=f"member{i}@bench.example.org", name=f"Mitglied {i}") for i in range(members)
        ]
        for user in users:
            user.set_unusable_password()
        _batched(User, users)
        users = list(User.objects.filter(email__endswith="@bench.example.org").order_by("email"))
        roles = [Role.MEMBER, Role.MEMBER, Role.MEMBER, Role.COUNSELLOR, Role.COORDINATOR]
        _batched(
            Membership,
            [
                Membership(
                    user=user,
                    role=roles[i % len(roles)],
                    municipality=municipalities[i % len(municipalities)],
                )
                for i, user in enumerate(users)
            ],
        )
        networks = [Network(municipality=m, name=f"Netzwerk {m.name}") for m in municipalities]
        _batched(Network, networks)
        now = timezone.now()
        meeting_rows = []
        for i in range(meetings):
            starts = now + datetime.timedelta(
                days=rng.randrange(-365, 365), hours=rng.randrange(8, 17)
            )
            meeting_rows.append(
                Meeting(
                    network=networks[i % len(networks)],
                    kind="plenary",
                    title=f"Netzwerktreffen {i}",
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    place="Rathaus",
                )
            )
        _batched(Meeting, meeting_rows)
        _batched(
            ActionItem,
            [
                ActionItem(
                    network=meeting_rows[i % len(meeting_rows)].network,
                    meeting=meeting_rows[i % len(meeting_rows)],
                    title=f"Aufgabe {i}",
                    due_date=today + datetime.timedelta(days=rng.randrange(-60, 90)),
                )
                for i in range(tasks)
            ],
        )
    from wegweiser.guidebook.search import refresh_vocabulary

    _search_indexes(connection, drop=False)
    refresh_vocabulary()  # the deferred part of the search refresh: once, after the bulk insert
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    counts = {
        "municipalities": len(municipalities),
        "actors": len(organizations),
        "mandate items": len(items),
        "translations": len(translations),
        "members": len(users),
        "meetings": len(meeting_rows),
        "tasks": tasks,
    }
    return state, municipalities, counts


SEARCH_INDEXES = [
    "guidebook_org_search_fts",
    "guidebook_org_internal_search_fts",
    "guidebook_org_search_trgm",
    "guidebook_org_internal_search_trgm",
]


def _search_indexes(connection, *, drop: bool) -> None:
    """PostgreSQL: drop the four GIN search indexes before the bulk insert and build them after
    (updating them row by row made 5,000 actors take a minute); SQLite keeps its FTS triggers."""
    from wegweiser.guidebook.search_indexes import POSTGRES_INDEXES

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if drop:
            for name in SEARCH_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
        else:
            for statement in POSTGRES_INDEXES:
                if statement.startswith("CREATE INDEX") and any(
                    n in statement for n in SEARCH_INDEXES
                ):
                    cursor.execute(statement)


def existing():
    """(state, municipalities, counts) of a database kept by --build-only."""
    from wegweiser.core.models import Municipality, State
    from wegweiser.guidebook.models import MandateItem, Organization
    from wegweiser.network.models import ActionItem, Meeting

    municipalities = list(Municipality.objects.filter(slug__startswith="bench-").order_by("slug"))
    counts = {
        "municipalities": len(municipalities),
        "actors": Organization.objects.count(),
        "mandate items": MandateItem.objects.count(),
        "meetings": Meeting.objects.count(),
        "tasks": ActionItem.objects.count(),
    }
    return State.objects.get(code="07"), municipalities, counts


def _shared_parts(actor_type, spoken, names_of, needs) -> list[str]:
    """The searchable text every actor of one type and language set has in common (description,
    type names, language names, mandate texts with their translations and needs)."""
    parts = [actor_type.summary.get("de", "")]
    parts += list(actor_type.name.values()) + list(actor_type.summary.values())
    for code in spoken:
        parts += names_of[code]
    for entry in actor_type.mandate_template[:4]:
        parts += [entry["text"]["de"], entry.get("source", "")]
        for code in sorted({"en", spoken[-1]} - {"de"}):
            parts.append(entry["text"].get(code) or f"[{code}] {entry['text']['de']}")
        for link in entry.get("needs", []):
            if link["key"] in needs:
                need = needs[link["key"]]
                parts += list(need.label.values()) + list(need.plain.values())
    return parts


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


def _timed_gets(client, urls, clear_cache=False) -> list[float]:
    from django.core.cache import cache

    times = []
    for url in urls:
        if clear_cache:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return times


QUERIES = [
    "jobcenter",
    "Ausländerbehörde",
    "rumänisch",
    "Lohn",
    "Zoll Schwarzarbeit",
    "Beratungen",
    "Jobcentr",
    "Arbeitsagentur",
    "Polizei",
    "Unterkunft",
]


def search_figures(municipalities, rng, samples: int = 60) -> dict:
    from django.test import Client

    from wegweiser.guidebook.search import query_terms
    from wegweiser.states.selectors import search_in_state

    client = Client()
    queries = (QUERIES * (samples // len(QUERIES) + 1))[:samples]
    urls = [f"/de/m/{rng.choice(municipalities).slug}/guidebook/search/?q={q}" for q in queries]
    _timed_gets(client, urls[:5])  # warm-up
    page = _timed_gets(client, urls)
    # Across the state: the members' search (states.views.member_search), its first 50 hits.
    state = municipalities[0].state
    statewide = []
    hits = {}
    for query in queries[: max(len(QUERIES), samples // 2)]:
        started = time.perf_counter()
        found = search_in_state(state, query_terms(query), limit=50)
        statewide.append((time.perf_counter() - started) * 1000)
        hits[query] = len(found)
    return {"page": page, "statewide": statewide, "hits": hits}


def navigator_times(municipalities, rng, samples: int = 60) -> list[float]:
    from django.test import Client

    from wegweiser.guidebook.models import Need

    keys = list(Need.objects.values_list("key", flat=True))
    client = Client()
    urls = []
    for _ in range(samples):
        chosen = rng.sample(keys, k=min(3, len(keys)))
        urls.append(
            f"/de/m/{rng.choice(municipalities).slug}/navigator/?"
            + "&".join(f"needs={k}" for k in chosen)
        )
    _timed_gets(client, urls[:5], clear_cache=True)
    return _timed_gets(client, urls, clear_cache=True)


def dashboard_queries(state, municipalities) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wegweiser.accounts.models import Membership, Role, User
    from wegweiser.testing import login

    user, created = User.objects.get_or_create(
        email="land@bench.example.org", defaults={"name": "Landeskoordination"}
    )
    if created:  # a database kept for --reuse has the user already
        Membership.objects.create(user=user, role=Role.STATE_COORDINATOR, state=state)
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.create(user=user, name="bench", confirmed=True)  # 2FA is mandatory
    client = Client()
    login(client, user)
    figures = {}
    pages = (("dashboard", "/de/dashboard/"), ("coverage", f"/de/state/{state.slug}/coverage/"))
    for label, url in pages:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, follow=False)
            elapsed = (time.perf_counter() - started) * 1000
        figures[label] = (response.status_code, len(queries), elapsed, len(response.content))
    return figures


def gunicorn_figures(args, municipality, workdir: Path) -> dict:
    from django.core.cache import cache
    from django.test import Client

    from bench.__main__ import free_port, load, start_gunicorn

    cache.clear()
    path = f"/de/m/{municipality.slug}/guidebook/"
    body = Client().get(path).content
    static_dir = workdir / "static" / "bench"
    static_dir.mkdir(parents=True, exist_ok=True)
    (static_dir / "same-size.html").write_bytes(body)
    static = "/static/bench/same-size.html"
    port = free_port()
    process = start_gunicorn(port, workdir)
    try:
        for warm in (path, static):
            load(port, warm, 1.0, args.connections, 300)
        page_rps, _ = load(port, path, args.seconds, args.connections, args.max_requests)
        static_rps, _ = load(port, static, args.seconds, args.connections, args.max_requests)
        rss = _worker_rss(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=15)
    return {"bytes": len(body), "page_rps": page_rps, "static_rps": static_rps, "rss": rss}


def _worker_rss(master_pid: int) -> list[int]:
    """Resident memory (kB) of each gunicorn worker (children of the master), from /proc."""
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master_pid):
            sizes.append(int(fields.get("VmRSS", "0 kB").split()[0]))
    return sizes


def main(args) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="wegweiser-state-"))
    try:
        _setup(args, workdir)
        _run(args, workdir)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.sqlite and not (args.keep or args.build_only or args.reuse):
            _pg(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        shutil.rmtree(workdir, ignore_errors=True)


def _run(args, workdir: Path) -> None:
    from django.db import connection

    print(f"State-scale benchmark on {connection.vendor} ({os.cpu_count()} cores, shared) …")
    started = time.perf_counter()
    if args.reuse:
        state, municipalities, counts = existing()
    else:
        state, municipalities, counts = generate(
            args.municipalities,
            args.actors_per_municipality,
            args.members,
            args.meetings,
            args.meetings,
        )
        print(f"  built in {time.perf_counter() - started:.0f} s")
    print("  " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    if args.build_only:
        return
    # Measured like a production worker: deploy/gunicorn.conf.py freezes what the master loaded
    # before it forks, so full garbage collections scan only what requests create.
    gc.collect()
    gc.freeze()
    rng = random.Random(7)  # noqa: S311 -- reproducible sampling, no secret
    search = search_figures(municipalities, rng, args.samples)
    print("\nFigure                                   value        goal")
    print(f"  search page p95 (one municipality)     {_p95(search['page']):7.1f} ms   < 50 ms")
    print(
        f"  state-wide search p95 ({counts['actors']:,} actors) {_p95(search['statewide']):7.1f} ms   < 50 ms"
    )
    print("    hits (first 50): " + ", ".join(f"{q}={n}" for q, n in search["hits"].items()))
    navigator = navigator_times(municipalities, rng, args.samples)
    print(f"  navigator p95, cache cleared           {_p95(navigator):7.1f} ms   < 30 ms")
    for label, (status, queries, elapsed, size) in dashboard_queries(state, municipalities).items():
        print(
            f"  state {label}, {len(municipalities)} municipalities: {queries} SQL queries "
            f"({status}, {elapsed:.0f} ms, {size / 1024:.0f} kB)   constant (tests assert it at 10 and 1,000 rows)"
        )
    if not args.skip_gunicorn:
        figures = gunicorn_figures(args, municipalities[0], workdir)
        ratio = (
            figures["page_rps"] / figures["static_rps"] if figures["static_rps"] else float("nan")
        )
        print(
            f"  guidebook overview page size           {figures['bytes'] / 1024:7.1f} kB   small for a phone"
        )
        print(
            f"  overview / static file throughput      {ratio:7.2f}      >= 0.80 "
            f"({figures['page_rps']:.0f} vs {figures['static_rps']:.0f} requests/s, same run)"
        )
        rss = figures["rss"]
        if rss:
            print(
                f"  memory per gunicorn worker (RSS)       {max(rss) / 1024:7.0f} MB   reported ({len(rss)} workers)"
            )
