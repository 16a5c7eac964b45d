"""Export files prepared in the background for one user (decision 0031).

Each user's files live in their own directory, `PARTNERWERK_EXPORTS_DIR/<user id>/`, so a
file is found only through the user who asked for it: a name from another user's directory
does not exist for anyone else.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

# Names the worker writes: a time stamp and the dataset's file name, nothing else.
SAFE_NAME = re.compile(r"^[0-9]{8}-[0-9]{6}-[\w.-]+$")


@dataclass(frozen=True)
class PreparedExport:
    name: str
    size: int
    prepared_at: datetime.datetime


def exports_dir(user_id: int) -> Path:
    return Path(settings.PARTNERWERK_EXPORTS_DIR) / str(int(user_id))


def new_export_path(user_id: int, file_name: str) -> Path:
    directory = exports_dir(user_id)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return directory / f"{stamp}-{file_name}"


def prepared_exports(user) -> list[PreparedExport]:
    """The user's prepared files, newest first."""
    directory = exports_dir(user.pk)
    if not directory.is_dir():
        return []
    files = [path for path in directory.iterdir() if SAFE_NAME.match(path.name)]
    exports = [
        PreparedExport(
            name=path.name,
            size=path.stat().st_size,
            prepared_at=datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC),
        )
        for path in files
        if path.is_file()
    ]
    return sorted(exports, key=lambda export: export.name, reverse=True)


def prepared_export_path(user, name: str) -> Path | None:
    """The user's own prepared file of this name, or None."""
    if not SAFE_NAME.match(name):
        return None
    path = exports_dir(user.pk) / name
    return path if path.is_file() else None
