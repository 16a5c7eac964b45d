"""Writes of themes, partnerships and steps by the system imports (decision 0022):
the reference loader, the IATI reader and the spreadsheet import.
The office's writes are in `services.py`.

These check no per-user permission: their callers are management commands (`load_reference`,
`import`) or the office's import, which checks its own permission before planning. History
is attributed as today: to the importing user in bulk writes, to no one otherwise.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from partnerwerk.core.models import Source
from partnerwerk.core.upsert import UpsertState, links_replace, record_upsert, records_bulk_write
from partnerwerk.partnerships.models import Partnership, Step, Theme
from partnerwerk.partnerships.services import (
    partnership_refresh_status,
    partnership_validate_places,
    step_default_status_after,
)
from partnerwerk.places.models import Place


def theme_upsert(
    *,
    code: str,
    name_de: str,
    name_en: str,
    name_fr: str = "",
    goals: Iterable = (),
) -> tuple[Theme, UpsertState]:
    """System import: create or change the theme with this code, with its SDG goals."""
    return record_upsert(
        Theme,
        lookup={"code": code},
        values={"name_de": name_de, "name_en": name_en, "name_fr": name_fr},
        links={"goals": goals},
    )


def theme_get_or_create(*, code: str, name_de: str, name_en: str) -> Theme:
    """System import: the theme with this code, created with these names when unknown."""
    return Theme.objects.filter(code=code).first() or Theme.objects.create(
        code=code, name_de=name_de, name_en=name_en
    )


def partnership_upsert(
    *,
    key: str,
    home: Place,
    partner: Place,
    kind: str,
    origin: str,
    visibility: str,
    description_de: str,
    description_en: str,
    succeeds: Partnership | None,
    themes: Iterable[Theme],
    programmes: Iterable,
    sources: Iterable[Source],
) -> tuple[Partnership, UpsertState]:
    """System import: create or change the partnership with this key. Its status and start
    date are not written here; they follow from its steps (`step_upsert`)."""
    partnership_validate_places(home=home, partner=partner)
    return record_upsert(
        Partnership,
        lookup={"key": key},
        values={
            "home": home,
            "partner": partner,
            "kind": kind,
            "origin": origin,
            "visibility": visibility,
            "description_de": description_de,
            "description_en": description_en,
            "succeeds": succeeds,
        },
        links={"themes": themes, "programmes": programmes, "sources": sources},
    )


def step_upsert(
    *,
    partnership: Partnership,
    kind: str,
    on: datetime.date,
    precision: str,
    status_after: str | None,
    decision_body: str,
    note_de: str,
    note_en: str,
    sources: Iterable[Source],
    dated_by_report: bool = False,
    office_note: str = "",
) -> tuple[Step, UpsertState]:
    """System import: create or change the step of this kind on this day, then derive the
    partnership's status and start date (`partnership_refresh_status`). A `status_after` of
    None takes the kind's default."""
    step, state = record_upsert(
        Step,
        lookup={"partnership": partnership, "kind": kind, "date": on},
        values={
            "date_precision": precision,
            "status_after": step_default_status_after(kind)
            if status_after is None
            else status_after,
            "decision_body": decision_body,
            "note_de": note_de,
            "note_en": note_en,
            "dated_by_report": dated_by_report,
            "office_note": office_note,
        },
        links={"sources": sources},
    )
    partnership_refresh_status(partnership=partnership)
    return step, state


def partnerships_bulk_write(
    *,
    create: Sequence[Partnership] = (),
    update: Sequence[Partnership] = (),
    fields: Iterable[str] = (),
    user=None,
) -> None:
    """System import (the office's spreadsheet import, which checks its own permission):
    insert and change partnerships in bulk with history. Status and start date are never
    among the fields: a new partnership is proposed until it has steps."""
    derived = {"status", "since", "since_precision"} & set(fields)
    if derived:
        raise ValueError(f"derived fields cannot be imported: {sorted(derived)}")
    records_bulk_write(Partnership, create=create, update=update, fields=fields, user=user)


def partnership_links_replace(
    *, attribute: Literal["themes"], links: Mapping[int, Iterable[int]]
) -> None:
    """System import: replace the themes of each partnership (primary key → theme keys)."""
    links_replace(Partnership, attribute=attribute, links=links)
