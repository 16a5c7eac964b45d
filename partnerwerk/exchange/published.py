"""Public open-data files kept on disk for the current content generation (decision 0038).

The relations file is 25,000 rows with the world registry and 300,000 in a national
network: writing it costs a worker seconds, and under load every visitor asking for it
would pay that again. A public file is the same for every visitor until public content
changes, so it is written once per *content generation* (core.caching) to
`PARTNERWERK_OPEN_DATA_DIR/<name>.<generation>`, and every visitor gets that file (sent by
the operating system, no query). Any change starts a new generation, so the next visitor
gets a file written after it.

One process at a time writes a file (a lock beside it): the others do not repeat the work.
While the file of a new generation is being written, visitors get the previous one (written
before the last change, at most one write behind); only when there is none do they wait for
the writer, up to WAIT_SECONDS, and then write their own. A file counts only once complete
(renamed into place); a file of an older generation is removed once its successor is
complete. Each app server keeps its own files: nothing needs a shared disk.

With `PARTNERWERK_CACHE_ANSWERS` off, nothing is stored: callers write from the database.
"""

import contextlib
import fcntl
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from partnerwerk.core.caching import content_generation

# Names the callers give: a dataset, a format and a variant, nothing a visitor chooses freely.
SAFE_NAME = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
# A temporary file untouched this long was left by a process that was killed mid-file.
ABANDONED_SECONDS = 3600
# How long a visitor waits for another process writing the first file of a name (then it
# writes its own); within gunicorn's worker timeout (gunicorn_conf.py, 120 s).
WAIT_SECONDS = 90.0
WAIT_STEP_SECONDS = 0.05


def enabled() -> bool:
    return bool(settings.PARTNERWERK_CACHE_ANSWERS)


def _directory() -> Path:
    directory = Path(settings.PARTNERWERK_OPEN_DATA_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _older_generations(directory: Path, name: str, generation: str) -> list[Path]:
    """The complete files of `name` written before `generation`, oldest first."""
    stamps = {path: path.name[len(name) + 1 :] for path in directory.glob(f"{name}.*")}
    older = [path for path, stamp in stamps.items() if stamp.isdigit()]
    older = [path for path in older if int(stamps[path]) < int(generation)]
    return sorted(older, key=lambda path: int(stamps[path]))


def _open(path: Path) -> BinaryIO | None:
    try:
        return path.open("rb")
    except FileNotFoundError:  # replaced by a newer generation meanwhile
        return None


def _previous(directory: Path, name: str, generation: str) -> BinaryIO | None:
    older = _older_generations(directory, name, generation)
    return _open(older[-1]) if older else None


def _write(directory: Path, name: str, generation: str, write) -> BinaryIO:
    """Write the file, put it in place, remove older generations and abandoned
    temporaries; return it opened."""
    file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below)
        dir=directory, prefix=f".{name}.", delete=False
    )
    temporary = Path(file.name)
    try:
        write(file)
        file.close()
        opened = temporary.open("rb")
    except BaseException:
        file.close()
        temporary.unlink(missing_ok=True)
        raise
    final = directory / f"{name}.{generation}"
    os.replace(temporary, final)
    for old in _older_generations(directory, name, generation):
        old.unlink(missing_ok=True)
    stale = time.time() - ABANDONED_SECONDS
    for left in directory.glob(f".{name}.*"):
        with contextlib.suppress(FileNotFoundError):
            if left.stat().st_mtime < stale:
                left.unlink()
    return opened


def _locked(lock) -> bool:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def public_file(name: str, write: Callable[[BinaryIO], None]) -> BinaryIO:
    """The file `name` of the current content generation, opened for reading; written by
    `write(file)` if no process has written it yet."""
    if not SAFE_NAME.match(name):
        raise ValueError(f"not a name for a published file: {name!r}")
    directory = _directory()
    generation = content_generation()
    current = directory / f"{name}.{generation}"
    if (file := _open(current)) is not None:
        return file
    with (directory / f"{name}.lock").open("a") as lock:
        if not _locked(lock):
            if (file := _previous(directory, name, generation)) is not None:
                return file
            deadline = time.monotonic() + WAIT_SECONDS
            while not _locked(lock) and time.monotonic() < deadline:
                time.sleep(WAIT_STEP_SECONDS)
            if (file := _open(current)) is not None:
                return file
        # Holding the lock, or tired of waiting for a writer that may be stuck.
        return _write(directory, name, generation, write)
