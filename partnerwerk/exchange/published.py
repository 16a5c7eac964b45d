"""Public open-data files kept on disk for the current content generation (decision 0038).

The relations file alone is 25,000 rows: writing it costs a worker seconds, and under load
every visitor asking for it would pay that again. A public file is the same for every
visitor until public content changes, so the first answer of a content generation
(core.caching) is streamed to its visitor and written beside it to
`PARTNERWERK_OPEN_DATA_DIR/<name>.<generation>`; later visitors get that file (sent by the
operating system, no query). Any change starts a new generation, so no file outlives the
data it was written from; a file of an older generation is removed when its successor is
complete. Each app server keeps its own files: nothing needs a shared disk.

With `PARTNERWERK_CACHE_ANSWERS` off, every answer is written from the database.
"""

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from partnerwerk.core.caching import content_generation

# Names the callers give: a dataset, a format and a variant, nothing a visitor chooses freely.
SAFE_NAME = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
# A temporary file untouched this long was left by a process that was killed mid-file.
ABANDONED_SECONDS = 3600


def _directory() -> Path:
    directory = Path(settings.PARTNERWERK_OPEN_DATA_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _check(name: str) -> None:
    if not SAFE_NAME.match(name):
        raise ValueError(f"not a name for a published file: {name!r}")


def enabled() -> bool:
    return bool(settings.PARTNERWERK_CACHE_ANSWERS)


def stored_file(name: str) -> BinaryIO | None:
    """The stored file `name` of the current generation, opened, or None."""
    _check(name)
    path = _directory() / f"{name}.{content_generation()}"
    try:
        return path.open("rb")
    except FileNotFoundError:
        return None


def _complete(name: str, temporary: Path, generation: str) -> None:
    """Put a fully written file in place and remove the same file's older generations and
    what a killed process left half-written (older than an hour: others may be writing)."""
    directory = temporary.parent
    final = directory / f"{name}.{generation}"
    os.replace(temporary, final)
    stale = time.time() - ABANDONED_SECONDS
    for old in directory.glob(f"{name}.*"):
        if old != final and old.name[len(name) + 1 :].isdigit():
            with contextlib.suppress(FileNotFoundError):
                old.unlink()
    for left in directory.glob(f".{name}.*"):
        with contextlib.suppress(FileNotFoundError):
            if left.stat().st_mtime < stale:
                left.unlink()


def _temporary(name: str) -> tuple[BinaryIO, Path]:
    file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed by the callers)
        dir=_directory(), prefix=f".{name}.", delete=False
    )
    return file, Path(file.name)


def stored_while_sent(name: str, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Send `chunks` and write them to the store; the file counts only once complete (a
    visitor who leaves early leaves no file behind)."""
    _check(name)
    generation = content_generation()
    file, temporary = _temporary(name)
    complete = False
    try:
        for chunk in chunks:
            file.write(chunk)
            yield chunk
        file.close()
        _complete(name, temporary, generation)
        complete = True
    finally:
        file.close()
        if not complete:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


def stored_after_writing(name: str, write: Callable[[BinaryIO], None]) -> BinaryIO:
    """Write a file that is only whole at its end (an XLSX archive) to the store and open it."""
    _check(name)
    generation = content_generation()
    file, temporary = _temporary(name)
    try:
        write(file)
        file.close()
        opened = temporary.open("rb")
        _complete(name, temporary, generation)
        return opened
    except BaseException:
        file.close()
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
