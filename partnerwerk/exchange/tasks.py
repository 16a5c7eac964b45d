"""Background tasks of exchange (decision 0031): large exports written to a file for their
user, and imports confirmed in the office, run by a worker in one transaction."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django_tasks import task

from partnerwerk.accounts.selectors import readable
from partnerwerk.exchange.exporters import (
    BINARY_FORMATS,
    OFFICE_DATASETS,
    dataset_text,
    export_dataset_xlsx,
    file_name,
)
from partnerwerk.exchange.importers import plan_import, run_import
from partnerwerk.exchange.prepared import new_export_path


@task()
def prepare_export(
    *, user_id: int, dataset: str, format: str, headers: str, dialect: str, language: str
) -> str:
    """Write the dataset as the user may read it to the user's export directory; returns the
    file's name. The file appears complete or not at all (written aside, then renamed)."""
    user = get_user_model().objects.get(pk=user_id)
    records = None
    if dataset in OFFICE_DATASETS:
        records = readable(user, OFFICE_DATASETS[dataset]())
    with translation.override(language):
        target = new_export_path(user_id, file_name(dataset, format, dialect=dialect))
        partial = target.with_name(f".{target.name}.partial")
        if format in BINARY_FORMATS:
            with partial.open("wb") as stream:
                export_dataset_xlsx(dataset, stream, headers=headers, records=records)
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                for piece in dataset_text(
                    dataset, format, headers=headers, records=records, dialect=dialect
                ):
                    stream.write(piece)
    os.replace(partial, target)
    return target.name


def import_file_path(name: str) -> Path:
    directory = Path(settings.PARTNERWERK_IMPORTS_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory / name


@task()
def run_office_import(
    *, user_id: int, dataset: str, stored: str, file: str, language: str
) -> dict[str, int]:
    """Import the stored file (all rows or none, in one transaction) and remove it. A file
    that cannot be imported fails the task with a message naming the file, row and field."""
    path = import_file_path(stored)
    user = get_user_model().objects.get(pk=user_id)
    try:
        with translation.override(language):
            data = path.read_bytes()
            if dataset == "iati":
                from partnerwerk.exchange.iati.reader import import_iati

                plan = import_iati(data, file)
            else:
                plan = run_import(plan_import(dataset, data, file), user=user)
    finally:
        path.unlink(missing_ok=True)
    return {state: plan.count(state) for state in ("created", "changed", "unchanged", "refused")}
