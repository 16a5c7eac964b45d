"""partnerwerk backup and restore: backup, wipe, restore gives identical tables and files; a
damaged archive is refused before anything changes."""

import hashlib
import io
import json
import shutil
import tarfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from partnerwerk.testing import load_reference_data

# Transactional (the restore replaces the database under the connection). No serialized
# rollback: a transactional test before this one may have emptied the tables and let
# post_migrate write the content types again, which a serialized copy would then duplicate;
# the SDG texts the reference data cites are loaded again by load_reference_data instead.
pytestmark = pytest.mark.django_db(transaction=True)


def table_fingerprints() -> dict[str, tuple[int, str]]:
    """Every table's row count and a checksum of its rows, in a stable order."""
    quote = connection.ops.quote_name
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (names from the schema)
            rows = sorted(repr(row) for row in cursor.fetchall())
            fingerprints[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return fingerprints


def media_files() -> dict[str, bytes]:
    root = settings.MEDIA_ROOT
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(autouse=True)
def english():
    # The commands speak the active language; the messages are checked in English.
    with translation.override("en"):
        yield


@pytest.fixture
def installation(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "protokoll.pdf").write_bytes(b"%PDF-1.4 Protokoll")
    (settings.MEDIA_ROOT / "fotos").mkdir()
    (settings.MEDIA_ROOT / "fotos" / "kumasi.jpg").write_bytes(b"\xff\xd8\xff" + bytes(range(256)))
    load_reference_data()
    return tmp_path


def test_backup_wipe_and_restore_give_identical_tables_and_files(installation):
    archive = installation / "backup.tar.gz"
    tables, files = table_fingerprints(), media_files()
    assert tables["partnerships_partnership"][0] >= 20

    call_command("backup", output=archive, stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert table_fingerprints()["partnerships_partnership"][0] == 0

    out = io.StringIO()
    call_command("restore", archive, yes=True, stdout=out)

    assert table_fingerprints() == tables
    assert media_files() == files
    assert "2 " in out.getvalue()  # the two uploaded files


def _rewrite(archive, damaged, change):
    """Copy `archive` to `damaged`, passing each member's bytes through `change(name, data)`."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))


def test_an_altered_file_in_the_archive_is_refused_before_anything_changes(installation):
    archive, damaged = installation / "backup.tar.gz", installation / "damaged.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    _rewrite(
        archive,
        damaged,
        lambda name, data: (
            data.replace(b"Protokoll", b"Protokolx") if name.endswith(".pdf") else data
        ),
    )
    tables, files = table_fingerprints(), media_files()

    with pytest.raises(CommandError, match="media/documents/protokoll.pdf"):
        call_command("restore", damaged, yes=True)

    assert table_fingerprints() == tables and media_files() == files


def test_a_truncated_archive_or_one_with_unlisted_files_is_refused(installation):
    archive = installation / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    truncated = installation / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore", truncated, yes=True)

    extra = installation / "extra.tar.gz"
    with tarfile.open(archive, "r:gz") as original:
        manifest = json.loads(original.extractfile("manifest.json").read())
    manifest["members"] = manifest["members"][1:]  # the database no longer listed
    _rewrite(
        archive,
        extra,
        lambda name, data: json.dumps(manifest).encode() if name == "manifest.json" else data,
    )
    with pytest.raises(CommandError, match="does not list: database/"):
        call_command("restore", extra, yes=True)
