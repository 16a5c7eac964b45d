"""Load a reference data set (a folder of YAML files) in one transaction, idempotently.

Records are matched by their stable keys; a record whose values already match is left
untouched, so a second load creates and changes nothing. Steps, involvements and SDG tags
are matched by their natural keys, and ones the office added by hand are never removed.
Every record is written by its own app's services (decision 0022); `records` and `projects`
read each kind of record into them.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import models, transaction
from pydantic import BaseModel, ValidationError

from partnerwerk.exchange.reference import schemas
from partnerwerk.exchange.reference.errors import ReferenceDataError
from partnerwerk.exchange.reference.projects import ReferenceLoader

FILES = (
    ("sources.yaml", schemas.SourceRecord, "key"),
    ("themes.yaml", schemas.ThemeRecord, "code"),
    ("places.yaml", schemas.PlaceRecord, "geonames_id"),
    ("organisations.yaml", schemas.OrganisationRecord, "key"),
    ("people.yaml", schemas.PersonRecord, "key"),
    ("programmes.yaml", schemas.ProgrammeRecord, "key"),
    ("partnerships.yaml", schemas.PartnershipRecord, "key"),
    ("projects.yaml", schemas.ProjectRecord, "key"),
    ("activities.yaml", schemas.ActivityRecord, "key"),
    ("documents.yaml", schemas.DocumentRecord, "key"),
    ("action_programmes.yaml", schemas.JointProgrammeRecord, "key"),
)


@dataclass
class LoadReport:
    counts: dict[str, Counter] = field(default_factory=dict)

    def note(self, model: type[models.Model], state: str) -> None:
        self.counts.setdefault(model._meta.verbose_name_plural, Counter())[state] += 1

    def total(self, state: str) -> int:
        return sum(counter[state] for counter in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{name}: {c['created']} created, {c['changed']} changed, {c['unchanged']} unchanged"
            for name, c in sorted(self.counts.items())
        ]


def read_records(directory: Path) -> dict[str, list[BaseModel]]:
    """Parse and check every file before anything is written."""
    parsed: dict[str, list[BaseModel]] = {}
    for file_name, schema, key_field in FILES:
        path = directory / file_name
        if not path.exists():
            raise ReferenceDataError(file_name, "-", "-", "the file is missing")
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as error:
            raise ReferenceDataError(file_name, "-", "-", f"not valid YAML ({error})") from None
        if not isinstance(raw, list):
            raise ReferenceDataError(file_name, "-", "-", "the file must hold a list of records")
        records, seen = [], set()
        for index, item in enumerate(raw, start=1):
            label = _label(item, key_field, index)
            if not isinstance(item, dict):
                raise ReferenceDataError(file_name, label, "-", "a record must be a mapping")
            try:
                record = schema.model_validate(item)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"]) or "-"
                raise ReferenceDataError(file_name, label, where, first["msg"]) from None
            key = getattr(record, key_field)
            if key in seen:
                raise ReferenceDataError(file_name, label, key_field, "the key is used twice")
            seen.add(key)
            records.append(record)
        parsed[file_name] = records
    return parsed


def _label(item, key_field: str, index: int) -> str:
    if isinstance(item, dict) and item.get(key_field) not in (None, ""):
        return f"{item[key_field]} (#{index})"
    return f"#{index}"


@transaction.atomic
def load_reference(directory: Path) -> LoadReport:
    records = read_records(Path(directory))
    loader = ReferenceLoader(LoadReport())
    for file_name, _schema, key_field in FILES:
        method = getattr(loader, "load_" + file_name.removesuffix(".yaml"))
        for index, record in enumerate(records[file_name], start=1):
            loader.where = (file_name, f"{getattr(record, key_field)} (#{index})")
            method(record)
    return loader.report


__all__ = ["LoadReport", "ReferenceDataError", "load_reference", "read_records"]
