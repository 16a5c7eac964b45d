"""Writes of projects, activities and their money, places and results by the system imports
(decision 0022): the reference loader, the IATI reader and the spreadsheet import. The
office's writes are in `services.py`; between them they are every way these records are
written.

These check no per-user permission: their callers are management commands (`load_reference`,
`import`) or the office's import, which checks its own permission before planning. History
is attributed as today: to the importing user in bulk writes, to no one otherwise.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from django.db.models import Model

from partnerwerk.core.models import Source
from partnerwerk.core.services import UNCHANGED, Unchanged, changed_values
from partnerwerk.core.upsert import UpsertState, links_replace, record_upsert, records_bulk_write
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import (
    Activity,
    Budget,
    IndicatorPeriod,
    Project,
    ProjectLocation,
    ProjectParticipant,
    Result,
    ResultIndicator,
    Transaction,
)


def project_upsert(
    *,
    key: str,
    title_de: str,
    title_en: str,
    summary_de: str,
    summary_en: str,
    status: str,
    visibility: str,
    start_date: datetime.date | None,
    start_precision: str,
    end_date: datetime.date | None,
    end_precision: str,
    programme: Programme | None | Unchanged = UNCHANGED,
    partnerships: Iterable[Partnership] | Unchanged = UNCHANGED,
    themes: Iterable[Theme] | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> tuple[Project, UpsertState]:
    """Create or change the project with this key; what is left UNCHANGED is not written."""
    values = {
        "title_de": title_de,
        "title_en": title_en,
        "summary_de": summary_de,
        "summary_en": summary_en,
        "status": status,
        "start_date": start_date,
        "start_precision": start_precision,
        "end_date": end_date,
        "end_precision": end_precision,
        **changed_values({"programme": programme}),
        "visibility": visibility,
    }
    links = changed_values({"partnerships": partnerships, "themes": themes, "sources": sources})
    return record_upsert(Project, lookup={"key": key}, values=values, links=links)


def activity_upsert(
    *,
    key: str,
    title_de: str,
    title_en: str,
    kind: str,
    description_de: str,
    description_en: str,
    start_date: datetime.date | None,
    start_precision: str,
    end_date: datetime.date | None,
    end_precision: str,
    place: Place | None,
    location_text: str,
    project: Project | None,
    visibility: str,
    partnerships: Iterable[Partnership],
    themes: Iterable[Theme],
    sources: Iterable[Source],
) -> tuple[Activity, UpsertState]:
    """Create or change the activity with this key."""
    values = {
        "title_de": title_de,
        "title_en": title_en,
        "kind": kind,
        "description_de": description_de,
        "description_en": description_en,
        "start_date": start_date,
        "start_precision": start_precision,
        "end_date": end_date,
        "end_precision": end_precision,
        "place": place,
        "location_text": location_text,
        "project": project,
        "visibility": visibility,
    }
    links = {"partnerships": partnerships, "themes": themes, "sources": sources}
    return record_upsert(Activity, lookup={"key": key}, values=values, links=links)


def transaction_upsert(
    *,
    key: str,
    kind: str,
    date: datetime.date | None,
    date_precision: str,
    amount: Decimal | None,
    currency: str,
    description_de: str,
    description_en: str,
    provider: Model | None,
    receiver: Model | None,
    visibility: str,
    project: Project | None | Unchanged = UNCHANGED,
    activity: Activity | None | Unchanged = UNCHANGED,
    amount_eur: Decimal | None | Unchanged = UNCHANGED,
    value_date: datetime.date | None | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> tuple[Transaction, UpsertState]:
    """Create or change the transaction with this key (of a project or an activity; the
    provider and receiver are organisations)."""
    values = {
        **changed_values({"project": project, "activity": activity}),
        "kind": kind,
        "date": date,
        "date_precision": date_precision,
        "amount": amount,
        "currency": currency,
        **changed_values({"amount_eur": amount_eur, "value_date": value_date}),
        "description_de": description_de,
        "description_en": description_en,
        "provider": provider,
        "receiver": receiver,
        "visibility": visibility,
    }
    links = changed_values({"sources": sources})
    return record_upsert(Transaction, lookup={"key": key}, values=values, links=links)


def budget_upsert(
    *,
    project: Project,
    kind: str,
    period_start: datetime.date,
    period_end: datetime.date,
    status: str,
    amount: Decimal,
    currency: str,
    value_date: datetime.date | None,
) -> tuple[Budget, UpsertState]:
    """Create or change the project's budget of this kind for this period."""
    return record_upsert(
        Budget,
        lookup={
            "project": project,
            "kind": kind,
            "period_start": period_start,
            "period_end": period_end,
        },
        values={"status": status, "amount": amount, "currency": currency, "value_date": value_date},
    )


def result_upsert(
    *,
    project: Project,
    kind: str,
    title_de: str,
    title_en: str,
    description_de: str,
    description_en: str,
) -> tuple[Result, UpsertState]:
    """Create or change the project's result of this kind and German title."""
    return record_upsert(
        Result,
        lookup={"project": project, "kind": kind, "title_de": title_de},
        values={
            "title_en": title_en,
            "description_de": description_de,
            "description_en": description_en,
        },
    )


def result_indicator_upsert(
    *,
    result: Result,
    title_de: str,
    title_en: str,
    measure: str,
    ascending: bool,
    baseline_year: int | None,
    baseline_value: Decimal | None,
) -> tuple[ResultIndicator, UpsertState]:
    """Create or change the result's indicator with this German title."""
    return record_upsert(
        ResultIndicator,
        lookup={"result": result, "title_de": title_de},
        values={
            "title_en": title_en,
            "measure": measure,
            "ascending": ascending,
            "baseline_year": baseline_year,
            "baseline_value": baseline_value,
        },
    )


def indicator_period_upsert(
    *,
    indicator: ResultIndicator,
    period_start: datetime.date,
    period_end: datetime.date,
    target_value: Decimal | None,
    actual_value: Decimal | None,
) -> tuple[IndicatorPeriod, UpsertState]:
    """Create or change the indicator's target and actual value for this period."""
    return record_upsert(
        IndicatorPeriod,
        lookup={"indicator": indicator, "period_start": period_start, "period_end": period_end},
        values={"target_value": target_value, "actual_value": actual_value},
    )


def project_participant_ensure(*, project: Project, organisation: Model, role: str) -> bool:
    """Add the organisation to the project in this role unless it is; True when added."""
    lookup = {"project": project, "organisation": organisation, "role": role}
    if ProjectParticipant.objects.filter(**lookup).exists():
        return False
    ProjectParticipant.objects.create(**lookup)
    return True


def project_location_ensure(*, project: Project, place: Place) -> bool:
    """Add the place to the project's locations unless it is there; True when added."""
    if ProjectLocation.objects.filter(project=project, place=place).exists():
        return False
    ProjectLocation.objects.create(project=project, place=place)
    return True


def project_themes_set(*, project: Project, themes: Sequence[Theme]) -> bool:
    """Give the project exactly these themes; True when they changed."""
    if set(project.themes.all()) == set(themes):
        return False
    project.themes.set(themes)
    return True


def projects_bulk_write(
    *,
    create: Sequence[Project] = (),
    update: Sequence[Project] = (),
    fields: Iterable[str] = (),
    user=None,
) -> None:
    """Insert and change projects in bulk, with history attributed to `user`."""
    records_bulk_write(Project, create=create, update=update, fields=fields, user=user)


def activities_bulk_write(
    *,
    create: Sequence[Activity] = (),
    update: Sequence[Activity] = (),
    fields: Iterable[str] = (),
    user=None,
) -> None:
    """Insert and change activities in bulk, with history attributed to `user`."""
    records_bulk_write(Activity, create=create, update=update, fields=fields, user=user)


def project_links_replace(
    *, attribute: Literal["partnerships", "themes"], links: Mapping[int, Iterable[int]]
) -> None:
    """Replace a link of each project (primary key → the linked records' primary keys)."""
    links_replace(Project, attribute=attribute, links=links)


def activity_links_replace(
    *, attribute: Literal["partnerships", "themes"], links: Mapping[int, Iterable[int]]
) -> None:
    """Replace a link of each activity (primary key → the linked records' primary keys)."""
    links_replace(Activity, attribute=attribute, links=links)
