"""Backups: the database and the uploaded files in one archive with a manifest of checksums.

An archive (`.tar.gz`) holds `manifest.json` and the members it lists, each with its size and
SHA-256: `database/partnerwerk.sqlite3` (SQLite, copied with SQLite's online backup API, so
the app may keep serving and writing) or `database/partnerwerk.pgdump` (PostgreSQL, `pg_dump`
in its custom format), and every file under MEDIA_ROOT as `media/<path>`.

A restore reads the whole archive and checks every member against the manifest before it
changes anything; a damaged, truncated or altered archive is refused with the member named.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/partnerwerk.sqlite3"
POSTGRES_MEMBER = "database/partnerwerk.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and names the member."""


@dataclass(frozen=True)
class Member:
    name: str
    path: Path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _postgres_environment() -> tuple[list[str], dict]:
    """Connection arguments for pg_dump and pg_restore, the password in the environment."""
    database = connection.settings_dict
    arguments = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        arguments += ["--host", database["HOST"]]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", database["USER"]]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    try:
        subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            _("%(program)s is not installed (Debian package postgresql-client).")
            % {"program": command[0]}
        ) from None
    except subprocess.CalledProcessError as error:
        raise BackupError(
            _("%(program)s failed: %(message)s")
            % {"program": command[0], "message": error.stderr.strip()}
        ) from None


def _dump_database(folder: Path) -> Member:
    vendor = connection.vendor
    connection.ensure_connection()
    if vendor == "sqlite":
        target = folder / "partnerwerk.sqlite3"
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return Member(SQLITE_MEMBER, target)
    if vendor == "postgresql":
        target = folder / "partnerwerk.pgdump"
        arguments, environment = _postgres_environment()
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *arguments],
            environment,
        )
        return Member(POSTGRES_MEMBER, target)
    raise BackupError(
        _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor}
    )


def _media_members() -> list[Member]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return [
        Member(f"media/{path.relative_to(root).as_posix()}", path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    ]


def backup_create(*, output: Path) -> dict:
    """Write the archive to `output` and return its manifest."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        members = [_dump_database(Path(scratch)), *_media_members()]
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "members": [
                {"name": m.name, "size": m.path.stat().st_size, "sha256": _sha256(m.path)}
                for m in members
            ],
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            for member in members:
                archive.add(member.path, arcname=member.name, recursive=False)
        partial.replace(output)  # a half-written archive never carries the final name
    return manifest


def _safe_name(name: str) -> bool:
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts


def backup_check(*, archive: Path, into: Path) -> dict:
    """Unpack `archive` into the folder `into` and check it against its manifest; return the
    manifest. Raises BackupError naming what is wrong."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            names = tar.getnames()
            if MANIFEST not in names:
                raise BackupError(_("The archive has no manifest."))
            manifest = json.loads(tar.extractfile(MANIFEST).read())
            listed = {member["name"] for member in manifest["members"]}
            unlisted = set(names) - listed - {MANIFEST}
            if unlisted:
                raise BackupError(
                    _("The archive holds files its manifest does not list: %(names)s.")
                    % {"names": ", ".join(sorted(unlisted))}
                )
            for member in manifest["members"]:
                name = member["name"]
                if not _safe_name(name) or name not in names:
                    raise BackupError(_("The archive lacks the member %(name)s.") % {"name": name})
                target = into / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(name) as source, target.open("wb") as copy:
                    shutil.copyfileobj(source, copy)
                if target.stat().st_size != member["size"] or _sha256(target) != member["sha256"]:
                    raise BackupError(
                        _(
                            "The member %(name)s does not match its checksum: the archive is "
                            "damaged."
                        )
                        % {"name": name}
                    )
    except (tarfile.TarError, EOFError, OSError, json.JSONDecodeError, KeyError) as error:
        raise BackupError(
            _("The archive %(archive)s cannot be read: %(error)s")
            % {"archive": archive, "error": error}
        ) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(_("The archive's format is not one this version can restore."))
    return manifest


def _restore_database(manifest: dict, folder: Path) -> None:
    vendor = manifest["database"]
    if vendor != connection.vendor:
        raise BackupError(
            _("The archive holds a %(archived)s database; this installation uses %(current)s.")
            % {"archived": vendor, "current": connection.vendor}
        )
    connection.ensure_connection()
    if vendor == "sqlite":
        with sqlite3.connect(folder / SQLITE_MEMBER) as archived:
            archived.backup(connection.connection)
        archived.close()
        return
    arguments, environment = _postgres_environment()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *arguments,
            str(folder / POSTGRES_MEMBER),
        ],
        environment,
    )


def _restore_media(folder: Path) -> None:
    root = Path(settings.MEDIA_ROOT)
    unpacked = folder / "media"
    if root.exists():
        shutil.rmtree(root)
    if unpacked.exists():
        shutil.copytree(unpacked, root)
    else:
        root.mkdir(parents=True, exist_ok=True)


def backup_restore(*, archive: Path) -> dict:
    """Replace the database and the uploaded files by the archive's, once all of it is
    checked. Returns the manifest."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest = backup_check(archive=Path(archive), into=folder)
        _restore_database(manifest, folder)
        _restore_media(folder)
    return manifest
