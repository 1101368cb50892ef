"""Load test of the public pages (DESIGN §10, issue 11): `python -m bench.load`.

1. Builds a throw-away installation under a temporary directory: SQLite database (or the database
   of DATABASE_URL), migrations, demo data, collected static files; production settings (DEBUG
   off, manifest static files), as behind nginx (X-Forwarded-Proto: https, BEHIND_TLS_PROXY=1).
2. Starts gunicorn with the documented configuration (deploy/gunicorn.conf.py) on a free port of
   127.0.0.1 — loopback only.
3. Opens N keep-alive connections (default 200) that each send the next request as soon as the
   answer is in, for S seconds (default 60), on a mix of: the municipality page, the public
   guidebook, a navigator result and the work-time calendar page. Then the same for a static file.
4. Prints requests/s, p50, p99, maximum and errors (non-200 answers, time-outs, broken
   connections) of both runs and the ratio of the throughputs.

Bounded: every run stops after S seconds (and at --max-requests); nothing but 127.0.0.1 is
contacted. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
MIX = [
    "/de/m/musterstadt/",
    "/de/m/musterstadt/guidebook/",
    "/de/m/musterstadt/navigator/?needs=wages_unpaid,documents_withheld",
    "/ro/worktime/",
]
HOST = "127.0.0.1"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=10.0, help="per request")
    parser.add_argument("--max-requests", type=int, default=500_000, help="cap per run")
    parser.add_argument("--static", default="", help="static file path (default: found)")
    parser.add_argument("--workers", help="override GUNICORN_WORKERS")
    parser.add_argument("--threads", help="override GUNICORN_THREADS")
    parser.add_argument("--worker-class", help="override GUNICORN_WORKER_CLASS")
    parser.add_argument("--skip-static", action="store_true")
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def environment(workdir: Path, port: int, args) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        "BEHIND_TLS_PROXY": "1",
        "WEGWEISER_VAR_DIR": str(workdir),
        "WEGWEISER_BASE_URL": f"http://{HOST}:{port}",
        "GUNICORN_BIND": f"{HOST}:{port}",
        "LOG_LEVEL": "ERROR",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'load.sqlite3'}")
    # Production refuses to start without the key of the encrypted case fields; a throw-away one.
    env.setdefault("WEGWEISER_FIELD_KEYS", Fernet.generate_key().decode())
    env.pop("WEGWEISER_DEBUG", None)
    for option, name in (
        (args.workers, "GUNICORN_WORKERS"),
        (args.threads, "GUNICORN_THREADS"),
        (args.worker_class, "GUNICORN_WORKER_CLASS"),
    ):
        if option:
            env[name] = option
    return env


def prepare(env: dict[str, str]) -> None:
    """Migrations, demo data (needs DEBUG for the demo command) and static files."""
    command = [sys.executable, "-m", "wegweiser"]
    quiet = {"stdout": subprocess.DEVNULL, "check": True, "cwd": ROOT}
    subprocess.run([*command, "migrate", "--noinput", "-v", "0"], env=env, **quiet)  # noqa: S603
    subprocess.run([*command, "demo"], env={**env, "WEGWEISER_DEBUG": "1"}, **quiet)  # noqa: S603
    subprocess.run([*command, "collectstatic", "--noinput", "-v", "0"], env=env, **quiet)  # noqa: S603


def start_gunicorn(env: dict[str, str], workdir: Path) -> subprocess.Popen:
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 -- closed with the process
    process = subprocess.Popen(  # noqa: S603 -- our own interpreter and module
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy/gunicorn.conf.py"),
            "wegweiser.wsgi",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    port = int(env["GUNICORN_BIND"].rsplit(":", 1)[1])
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped; see {workdir / 'gunicorn.log'}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not come up within 60 s")


def static_path(workdir: Path) -> str:
    manifest = (workdir / "static" / "staticfiles.json").read_text()
    import json

    paths = json.loads(manifest)["paths"]
    return (
        "/static/"
        + paths[
            "wegweiser/css/site.css" if "wegweiser/css/site.css" in paths else next(iter(paths))
        ]
    )


class Stats:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.bytes = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool, int]:
    """(status, server keeps the connection, body length) of one HTTP/1.1 response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            body += await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        body = await reader.read()
    keep = headers.get("connection", "").lower() != "close"
    return status, keep, len(body)


async def client(paths, port, stop_at, stats: Stats, timeout: float, budget: list[int]) -> None:
    reader = writer = None
    for path in paths:
        if time.monotonic() >= stop_at or budget[0] <= 0:
            break
        budget[0] -= 1
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, port), timeout
                )
            request = (
                f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nX-Forwarded-Proto: https\r\n"
                "Accept-Encoding: gzip\r\nUser-Agent: wegweiser-bench\r\n\r\n"
            )
            writer.write(request.encode())
            status, keep, size = await asyncio.wait_for(_read_response(reader), timeout)
        except TimeoutError:
            stats.error("timeout")
            writer = _close(writer)
            continue
        except (OSError, asyncio.IncompleteReadError, ValueError, asyncio.LimitOverrunError):
            stats.error("connection")
            writer = _close(writer)
            continue
        stats.latencies.append(time.monotonic() - started)
        stats.bytes += size
        if status != 200:
            stats.error(f"HTTP {status}")
        if not keep:
            writer = _close(writer)
    _close(writer)


def _close(writer):
    if writer is not None:
        writer.close()
    return None


async def run_load(paths: list[str], port: int, args) -> tuple[Stats, float]:
    stats = Stats()
    budget = [args.max_requests]
    started = time.monotonic()
    stop_at = started + args.seconds
    tasks = []
    for number in range(args.connections):
        # Each connection walks the mix from another starting point, so all pages are busy at once.
        shifted = paths[number % len(paths) :] + paths[: number % len(paths)]
        tasks.append(client(itertools.cycle(shifted), port, stop_at, stats, args.timeout, budget))
    await asyncio.gather(*tasks)
    return stats, time.monotonic() - started


def report(label: str, stats: Stats, elapsed: float) -> float:
    done = len(stats.latencies)
    throughput = done / elapsed if elapsed else 0.0
    if done:
        quantiles = statistics.quantiles(stats.latencies, n=100, method="inclusive")
        p50, p99, worst = quantiles[49], quantiles[98], max(stats.latencies)
    else:
        p50 = p99 = worst = float("nan")
    errors = sum(stats.errors.values())
    detail = ", ".join(f"{kind}: {count}" for kind, count in sorted(stats.errors.items()))
    print(
        f"{label:<12} {throughput:8.1f} req/s  p50 {p50 * 1000:7.0f} ms  p99 {p99 * 1000:7.0f} ms  "
        f"max {worst * 1000:7.0f} ms  answers {done:7d}  errors {errors}"
        + (f" ({detail})" if detail else "")
    )
    return throughput


def main(argv=None) -> None:
    args = parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="wegweiser-load-") as work:
        workdir = Path(work)
        env = environment(workdir, port, args)
        print("preparing a throw-away installation (migrate, demo, collectstatic) …", flush=True)
        prepare(env)
        gunicorn = start_gunicorn(env, workdir)
        try:
            config = {
                name: env.get(f"GUNICORN_{name.upper()}", "(deploy/gunicorn.conf.py)")
                for name in ("worker_class", "workers", "threads")
            }
            print(
                f"gunicorn -c deploy/gunicorn.conf.py on {HOST}:{port} {config}; "
                f"{os.cpu_count()} cores; database {env['DATABASE_URL'].split(':', 1)[0]}; "
                f"{args.connections} connections × {args.seconds:.0f} s",
                flush=True,
            )
            # Warm-up: every page once, so the figures show the steady state, not the first render.
            asyncio.run(
                run_load(
                    MIX, port, argparse.Namespace(**{**vars(args), "connections": 4, "seconds": 3})
                )
            )
            mixed, elapsed = asyncio.run(run_load(MIX, port, args))
            print("page mix: " + ", ".join(MIX))
            mixed_rate = report("mixed pages", mixed, elapsed)
            if not args.skip_static:
                path = args.static or static_path(workdir)
                static, elapsed = asyncio.run(run_load([path], port, args))
                print(f"static file: {path}")
                static_rate = report("static file", static, elapsed)
                if static_rate:
                    print(f"ratio mixed/static: {mixed_rate / static_rate:.2f}")
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)


if __name__ == "__main__":
    main()
