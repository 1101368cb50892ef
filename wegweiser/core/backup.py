"""Backup and restore of a whole installation: the database and the uploaded files, in one archive.

`wegweiser backup` writes `wegweiser-<time>.tar.gz` with
  manifest.json   engine, time, applied migrations (a restore into other code is refused)
  database.sqlite3  (SQLite, a consistent copy made with SQLite's online backup API) or
  database.dump     (PostgreSQL, `pg_dump --format=custom`)
  media/…         everything under MEDIA_ROOT (meeting files, uploads)
`wegweiser restore ARCHIVE --yes` puts both back. Stop the app servers before a restore.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 — pg_dump/pg_restore with fixed arguments, never a shell
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "wegweiser-backup"
VERSION = 1


class BackupError(Exception):
    pass


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"unsupported database: {vendor}")
    return vendor


def _applied_migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore; the password travels in the environment."""
    db = settings.DATABASES["default"]
    arguments = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        arguments += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", str(db["USER"])]
    environment = {**os.environ}
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = str(db["PASSWORD"])
    return arguments, environment


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is missing (apt-get install postgresql-client)")
    return path


def _dump_database(engine: str, target: Path) -> str:
    if engine == "sqlite":
        connection.ensure_connection()
        name = target / "database.sqlite3"
        with sqlite3.connect(name) as copy:
            connection.connection.backup(copy)
        copy.close()
        return name.name
    arguments, environment = _pg_environment()
    name = target / "database.dump"
    subprocess.run(  # noqa: S603
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(name), *arguments],
        check=True,
        env=environment,
    )
    return name.name


def create_backup(directory: Path) -> Path:
    """Write one archive into `directory` and return its path."""
    engine = _engine()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = directory / f"wegweiser-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work_path = Path(work)
        database_file = _dump_database(engine, work_path)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": stamp,
            "engine": engine,
            "database": database_file,
            "migrations": _applied_migrations(),
        }
        (work_path / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work_path / "manifest.json", arcname="manifest.json")
            tar.add(work_path / database_file, arcname=database_file)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
        partial.rename(archive)  # a half-written archive never looks finished
    os.chmod(archive, 0o600)  # it holds personal data
    return archive


def read_manifest(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        if member is None:
            raise BackupError("manifest.json is missing")
        manifest = json.load(member)
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError("not a Wegweiser backup of a known version")
    return manifest


def _check_compatible(manifest: dict) -> None:
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(f"the backup is of {manifest['engine']}, this installation uses {engine}")
    missing = set(manifest["migrations"]) - set(_known_migrations())
    if missing:
        raise BackupError(
            "the backup comes from newer code (unknown migrations: "
            + ", ".join(sorted(missing)[:5])
            + "); update the code first"
        )


def _known_migrations() -> list[str]:
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [f"{app}.{name}" for app, name in loader.disk_migrations]


def _restore_database(manifest: dict, source: Path) -> None:
    if manifest["engine"] == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source / manifest["database"]) as original:
            original.backup(connection.connection)
        original.close()
        return
    connections.close_all()
    arguments, environment = _pg_environment()
    dump = source / manifest["database"]
    contents = _restore_list_without_view_data(dump, source, environment)
    subprocess.run(  # noqa: S603
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--use-list",
            str(contents),
            *arguments,
            str(dump),
        ],
        check=True,
        env=environment,
    )
    _refresh_materialized_views()


def _restore_list_without_view_data(dump: Path, work: Path, environment: dict[str, str]) -> Path:
    """The dump's table of contents minus the data of materialized views.

    pg_restore refreshes a materialized view with an empty search_path, so a view over a query
    with unqualified table names (the guidebook's word list for typo search) stops the restore.
    The views are refreshed afterwards with the application's own connection instead.
    """
    listing = subprocess.run(  # noqa: S603
        [_tool("pg_restore"), "--list", str(dump)],
        check=True,
        env=environment,
        capture_output=True,
        text=True,
    ).stdout
    kept = [line for line in listing.splitlines() if "MATERIALIZED VIEW DATA" not in line]
    contents = work / "restore.list"
    contents.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return contents


def _refresh_materialized_views() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT schemaname, matviewname FROM pg_matviews")
        views = cursor.fetchall()
        for schema, name in views:
            quoted = connection.ops.quote_name(schema) + "." + connection.ops.quote_name(name)
            cursor.execute(f"REFRESH MATERIALIZED VIEW {quoted}")  # names from the catalogue


def _restore_media(source: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    saved = source / "media"
    if media.exists():
        shutil.rmtree(media)
    if saved.is_dir():
        shutil.copytree(saved, media)
    else:
        media.mkdir(parents=True, exist_ok=True)


def restore_backup(archive: Path) -> dict:
    """Replace the database and MEDIA_ROOT by the archive's content; returns its manifest."""
    manifest = read_manifest(archive)
    _check_compatible(manifest)
    with tempfile.TemporaryDirectory() as work:
        work_path = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work_path, filter="data")  # no absolute paths, no links outside
        _restore_database(manifest, work_path)
        _restore_media(work_path)
    return manifest
