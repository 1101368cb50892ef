"""The documented production setup survives kill -9 of the gunicorn master (issue 11).

systemd's KillMode=control-group ends every process of the unit when the master dies; the test
does the same with a process group (what a cgroup is to systemd) and checks that a restart binds
the port again and answers. Loopback only, bounded in time.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def unit_file() -> str:
    text = (ROOT / "docs" / "deployment.md").read_text()
    return re.search(r"```ini\n(.*?)```", text, re.S).group(1)


def test_the_documented_unit_kills_the_whole_control_group():
    unit = unit_file()
    assert "KillMode=control-group" in unit
    assert re.search(r"^Restart=(always|on-failure)$", unit, re.M)
    assert "-c deploy/gunicorn.conf.py" in unit


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(port: int, tmp_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings_test",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "2",
        "WEGWEISER_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "wegweiser.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, as systemd gives it its own cgroup
    )


def answers(port: int, deadline: float) -> int:
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                return reply.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    return 0


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(sys.platform != "linux", reason="process groups as on the servers")
def test_restart_after_kill_9_of_the_master(tmp_path):
    port = free_port()
    first = start(port, tmp_path)
    second = None
    try:
        assert answers(port, time.time() + 40) in (200, 503)  # up (503: no tables, no matter)
        os.kill(first.pid, signal.SIGKILL)  # the crash
        first.wait(timeout=10)
        # What KillMode=control-group does next: end every remaining process of the unit.
        if group_alive(first.pid):
            os.killpg(first.pid, signal.SIGKILL)
        deadline = time.time() + 10
        while group_alive(first.pid) and time.time() < deadline:
            time.sleep(0.1)
        assert not group_alive(first.pid), "workers outlived the group kill"
        second = start(port, tmp_path)  # Restart=always
        assert answers(port, time.time() + 40) in (200, 503)
        assert second.poll() is None, "the restarted master could not bind the port"
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
