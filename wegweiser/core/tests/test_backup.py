"""`wegweiser backup` / `wegweiser restore`: a round trip as an operator runs it, in fresh processes
against a database of its own (SQLite always; PostgreSQL when the suite runs on PostgreSQL)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

MARK = "backup-probe@example.org"
CHECK = (
    "from wegweiser.accounts.models import User; "
    f"print('present' if User.objects.filter(email='{MARK}').exists() else 'absent')"
)


def wegweiser(env, *arguments):
    result = subprocess.run(
        [sys.executable, "-m", "wegweiser", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def environment(tmp_path, database_url):
    env = {
        **os.environ,
        "WEGWEISER_DEBUG": "1",
        "WEGWEISER_VAR_DIR": str(tmp_path / "var"),
        "WEGWEISER_MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def round_trip(env, tmp_path):
    media = tmp_path / "media"
    wegweiser(env, "migrate", "--noinput", "-v", "0")
    wegweiser(
        env,
        "shell",
        "-c",
        f"from wegweiser.accounts.models import User; User.objects.create_user('{MARK}', 'x' * 16)",
    )
    (media / "meetings").mkdir(parents=True)
    (media / "meetings" / "minutes.pdf").write_bytes(b"%PDF-1.7 minutes")

    archive = Path(wegweiser(env, "backup", "--output", str(tmp_path / "backups")))
    assert archive.is_file() and archive.name.endswith(".tar.gz")
    assert oct(archive.stat().st_mode)[-3:] == "600"

    # After the backup: the person is deleted, the file lost, another file added.
    wegweiser(
        env,
        "shell",
        "-c",
        f"from wegweiser.accounts.models import User; User.objects.filter(email='{MARK}').delete()",
    )
    (media / "meetings" / "minutes.pdf").unlink()
    (media / "later.txt").write_text("after the backup")
    assert wegweiser(env, "shell", "-c", CHECK) == "absent"

    shown = wegweiser(env, "restore", str(archive))
    assert "Nothing changed" in shown
    assert wegweiser(env, "shell", "-c", CHECK) == "absent"

    wegweiser(env, "restore", str(archive), "--yes")
    assert wegweiser(env, "shell", "-c", CHECK) == "present"
    assert (media / "meetings" / "minutes.pdf").read_bytes() == b"%PDF-1.7 minutes"
    assert not (media / "later.txt").exists()
    wegweiser(env, "migrate", "--check")


ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")
# These two use an SQLite file of their own whatever database the suite runs on: the SQLite pass
# runs them, the PostgreSQL pass would only repeat them.
own_sqlite_file = pytest.mark.skipif(
    ON_POSTGRESQL, reason="runs in the SQLite pass (its database is an SQLite file of its own)"
)


@own_sqlite_file
def test_backup_and_restore_round_trip_on_sqlite(tmp_path):
    round_trip(environment(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}"), tmp_path)


@own_sqlite_file
def test_restore_refuses_a_backup_of_another_database_engine(tmp_path):
    env = environment(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    wegweiser(env, "migrate", "--noinput", "-v", "0")
    archive = Path(wegweiser(env, "backup", "--output", str(tmp_path)))
    import io
    import json
    import tarfile

    forged = tmp_path / "forged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(forged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "manifest.json":
                manifest = json.load(data)
                manifest["engine"] = "postgresql"
                raw = json.dumps(manifest).encode()
                member.size = len(raw)
                data = io.BytesIO(raw)
            target.addfile(member, data)
    result = subprocess.run(
        [sys.executable, "-m", "wegweiser", "restore", str(forged), "--yes"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "postgresql" in result.stderr


@pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="runs in the PostgreSQL pass of the suite (DATABASE_URL=postgres://…)",
)
def test_backup_and_restore_round_trip_on_postgresql(tmp_path):
    import dj_database_url

    server = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"wegweiser_backup_{uuid.uuid4().hex[:8]}"
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    admin = [
        "psql",
        "-h",
        server["HOST"] or "127.0.0.1",
        "-p",
        str(server["PORT"] or 5432),
        "-U",
        server["USER"] or "postgres",
        "-qc",
    ]
    subprocess.run([*admin, f"CREATE DATABASE {name};", "postgres"], check=True)
    try:
        round_trip(environment(tmp_path, f"{base}/{name}"), tmp_path)
    finally:
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name};", "postgres"], check=False)
