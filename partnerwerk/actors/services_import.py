"""Writes of organisations, people and involvements by the system imports (decision 0022):
the reference loader, the IATI reader and the spreadsheet import.
The office's writes are in `services.py`.

These check no per-user permission: their callers are management commands (`load_reference`,
`import`) or the office's import, which checks its own permission before planning. History
is attributed as today: to the importing user in bulk writes, to no one otherwise.
"""

from collections.abc import Iterable, Sequence

from django.db.models import Model

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.core.models import Source
from partnerwerk.core.upsert import UpsertState, record_upsert, records_bulk_write


def organisation_upsert(
    *,
    key: str,
    name: str,
    kind: str,
    name_en: str,
    short_name: str,
    parent: Organisation | None,
    place: Model | None,
    address: str,
    website: str,
    description_de: str,
    description_en: str,
    sources: Iterable[Source],
) -> tuple[Organisation, UpsertState]:
    """System import: create or change the organisation with this key."""
    return record_upsert(
        Organisation,
        lookup={"key": key},
        values={
            "name": name,
            "name_en": name_en,
            "short_name": short_name,
            "kind": kind,
            "parent": parent,
            "place": place,
            "address": address,
            "website": website,
            "description_de": description_de,
            "description_en": description_en,
        },
        links={"sources": sources},
    )


def organisation_create_imported(
    *, name: str, name_en: str, kind: str, iati_identifier: str, key: str
) -> Organisation:
    """System import (IATI): an organisation a file names and the database does not know,
    under a key no other organisation, deleted ones included, has: `key`, `key-2`, ..."""
    base, number = key, 2
    while Organisation.all_objects.filter(key=key).exists():
        key, number = f"{base[:75]}-{number}", number + 1
    return Organisation.objects.create(
        key=key, name=name, name_en=name_en, kind=kind, iati_identifier=iati_identifier
    )


def organisations_bulk_write(
    *,
    create: Sequence[Organisation] = (),
    update: Sequence[Organisation] = (),
    fields: Iterable[str] = (),
    user=None,
) -> None:
    """System import (the office's spreadsheet import, which checks its own permission):
    insert and change organisations in bulk, with history attributed to `user`."""
    records_bulk_write(Organisation, create=create, update=update, fields=fields, user=user)


def person_upsert(
    *,
    key: str,
    name: str,
    legal_basis: str,
    honorific: str,
    function_de: str,
    function_en: str,
    organisation: Organisation | None,
    visibility: str,
    email: str,
    phone: str,
    sources: Iterable[Source],
) -> tuple[Person, UpsertState]:
    """System import: create or change the person with this key."""
    return record_upsert(
        Person,
        lookup={"key": key},
        values={
            "name": name,
            "honorific": honorific,
            "function_de": function_de,
            "function_en": function_en,
            "organisation": organisation,
            "visibility": visibility,
            "legal_basis": legal_basis,
            "email": email,
            "phone": phone,
        },
        links={"sources": sources},
    )


def involvement_upsert(
    *,
    subject,
    role: str,
    organisation: Organisation | None = None,
    person: Person | None = None,
    note_de: str = "",
    note_en: str = "",
    sources: Iterable[Source] = (),
) -> tuple[Involvement, UpsertState]:
    """System import: the involvement of one organisation or one person in a partnership,
    project or activity (`subject`) in this role, created or given these notes."""
    if (organisation is None) == (person is None):
        raise ValueError("an involvement names exactly one of organisation or person")
    actor = {"organisation": organisation} if organisation is not None else {"person": person}
    return record_upsert(
        Involvement,
        lookup={subject._meta.model_name: subject, "role": role, **actor},
        values={"note_de": note_de, "note_en": note_en},
        links={"sources": sources},
    )
