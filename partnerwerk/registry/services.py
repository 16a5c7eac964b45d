"""Writes to the registry: the import of registry files, planned first, then written in one
short transaction and in bulk.

Registry relations are `Partnership(origin=registry)` rows. The import never touches a
curated partnership, never revives a registry relation the office deleted, and a second run
of the same file writes nothing (it finds every place and relation it made the first time).
"""

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.core.models import Source, Visibility
from partnerwerk.exchange.csvsafe import SafeDictWriter
from partnerwerk.exchange.reference.geonames import GEONAMES_CREDIT
from partnerwerk.exchange.reference.geonames import countries as geonames_countries
from partnerwerk.partnerships.models import (
    STATUS_AFTER_KIND,
    Partnership,
    PartnershipKind,
    PartnershipOrigin,
    Step,
    StepKind,
)
from partnerwerk.places.models import GeoNamesMatch, Place
from partnerwerk.registry import caching
from partnerwerk.registry import facets as relation_facets
from partnerwerk.registry.bulk import PreparedRows, insert_rows
from partnerwerk.registry.importer import (
    TWIN_CITIES_RECORDED_ON,
    TWIN_CITIES_SOURCE,
    RegistryImportError,
    Resolver,
    Side,
    read_rows,
    resolve,
)
from partnerwerk.registry.matching import geonames_index

logger = logging.getLogger(__name__)

CHANGE_REASON = "twin-cities import"
# How often the plan is made again when another user wrote places or relations meanwhile.
PLAN_ATTEMPTS = 3
REPORT_COLUMNS = (
    "line",
    "city1",
    "country1",
    "city2",
    "country2",
    "outcome",
    "relation",
    "place1",
    "match1",
    "note1",
    "place2",
    "match2",
    "note2",
)


@dataclass
class ImportReport:
    rows: int = 0
    relations_created: int = 0
    relations_existing: int = 0
    relations_kept_deleted: int = 0
    rows_merged: int = 0
    rows_skipped: int = 0
    places_created: Counter = field(default_factory=Counter)
    places_existing: int = 0
    unmatched_places: int = 0
    pairs_also_curated: int = 0
    lines: list[dict] = field(default_factory=list)
    write_seconds: float = 0.0  # how long the write transaction (SQLite's write lock) took

    def summary(self) -> dict:
        return {
            "rows": self.rows,
            "relations_created": self.relations_created,
            "relations_existing": self.relations_existing,
            "relations_kept_deleted": self.relations_kept_deleted,
            "rows_merged": self.rows_merged,
            "rows_skipped": self.rows_skipped,
            "places_created": sum(self.places_created.values()),
            "places_created_by_name": self.places_created[GeoNamesMatch.NAME],
            "places_created_by_alternate_name": self.places_created[GeoNamesMatch.ALTERNATE_NAME],
            "places_created_unmatched": self.places_created[GeoNamesMatch.UNMATCHED],
            "places_existing": self.places_existing,
            "unmatched_places": self.unmatched_places,
            "pairs_also_curated": self.pairs_also_curated,
        }

    def write_csv(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = SafeDictWriter(file, fieldnames=REPORT_COLUMNS)
            writer.writeheader()
            writer.writerows(self.lines)


def _source() -> Source:
    source, _created = Source.objects.update_or_create(
        key=TWIN_CITIES_SOURCE["key"],
        defaults={name: value for name, value in TWIN_CITIES_SOURCE.items() if name != "key"},
    )
    return source


def _existing_unmatched_places() -> list[dict]:
    """Unmatched places of earlier imports, with the parts of their key the resolver needs."""
    places = []
    for key, latitude, longitude in Place.objects.exclude(registry_key="").values_list(
        "registry_key", "latitude", "longitude"
    ):
        parts = key.split(":")
        if len(parts) < 3 or parts[0] != "twin-cities":
            continue
        places.append(
            {
                "registry_key": key,
                "country": parts[1],
                "folded_name": parts[2],
                "latitude": latitude,
                "longitude": longitude,
            }
        )
    return places


def _new_place(side: Side) -> Place:
    country = side.country.code
    continent = geonames_countries().get(country, {}).get("continentcode", "")
    if side.candidate is not None:
        candidate = side.candidate
        return Place(
            geonames_id=candidate.geonames_id,
            name=candidate.name,
            name_en=side.name if side.name != candidate.name else "",
            country=candidate.country,
            continent=continent,
            region=side.region,
            population=candidate.population or None,
            population_source=GEONAMES_CREDIT if candidate.population else "",
            latitude=candidate.latitude,
            longitude=candidate.longitude,
            geonames_match=side.match,
        )
    return Place(
        name=side.name,
        country=country,
        continent=continent,
        region=side.region,
        latitude=side.latitude,
        longitude=side.longitude,
        geonames_match=GeoNamesMatch.UNMATCHED,
        registry_key=side.registry_key,
    )


def _history(model, objects: list) -> PreparedRows:
    """The `+` history rows of new records, as simple_history's bulk_history_create makes them;
    their `id` (and any column filled later in the record) is filled in the transaction."""
    History = model.history.model
    now = timezone.now()
    rows = [
        History(
            history_date=now,
            history_user=None,
            history_change_reason=CHANGE_REASON,
            history_type="+",
            **{field.attname: getattr(obj, field.attname) for field in History.tracked_fields},
        )
        for obj in objects
    ]
    return PreparedRows(History, rows)


def _place_token(identity: str, pk: int) -> str:
    return identity.split(":")[1] if identity.startswith("geonames:") else f"p{pk}"


def _relation_key(row, home_id: int, partner_id: int) -> str:
    tokens = sorted(
        (_place_token(row.first.identity, home_id), _place_token(row.second.identity, partner_id))
    )
    return f"registry-{tokens[0]}-{tokens[1]}-twinning"


def _snapshot() -> tuple:
    """What a plan is made from: if this differs when the write begins, something was written
    in between and the plan is made again."""
    links = Partnership.sources.through.objects.filter(source__key=TWIN_CITIES_SOURCE["key"])
    return (
        *Place.objects.aggregate(Max("id"), Count("id")).values(),
        *Partnership.all_objects.aggregate(Max("id"), Count("id")).values(),
        links.count(),
    )


@dataclass
class WritePlan:
    """Everything the import writes, ready before the write transaction begins."""

    snapshot: tuple
    place_ids: dict[str, int]  # identity -> id of the places already known
    new_places: list[str]  # identities of the places to create, in the order of `places`
    places: PreparedRows
    place_history: PreparedRows
    new_relations: list  # the first row of each relation to create, in the order of `relations`
    relations: PreparedRows
    relation_history: PreparedRows
    steps: PreparedRows
    step_history: PreparedRows
    relations_to_source: list[int]  # known registry relations not yet crediting the source
    keys: dict = field(default_factory=dict)  # pair -> relation key, for the report

    @property
    def place_max_id(self) -> int:
        return self.snapshot[0] or 0

    @property
    def relation_max_id(self) -> int:
        return self.snapshot[2] or 0


def _plan(resolution, report: ImportReport) -> WritePlan:
    """Match the resolved places and pairs against the database; reads only."""
    snapshot = _snapshot()
    wanted = resolution.places
    geonames_ids = {side.geonames_id for side in wanted.values() if side.geonames_id}
    registry_keys = {side.registry_key for side in wanted.values() if side.registry_key}
    place_ids: dict[str, int] = {}
    known = Place.objects.filter(geonames_id__isnull=False).values_list("geonames_id", "id")
    for geonames_id, pk in known:
        if geonames_id in geonames_ids:
            place_ids[f"geonames:{geonames_id}"] = pk
    for key, pk in Place.objects.exclude(registry_key="").values_list("registry_key", "id"):
        if key in registry_keys:
            place_ids[key] = pk
    report.places_existing = len(place_ids)
    report.unmatched_places = sum(1 for side in wanted.values() if not side.geonames_id)
    new_places = [identity for identity in wanted if identity not in place_ids]
    places = [_new_place(wanted[identity]) for identity in new_places]
    for place in places:
        report.places_created[place.geonames_match] += 1
    prepared_places = PreparedRows(Place, places)  # sets created_at before the history copies it

    existing: dict[frozenset, tuple[str, int, bool]] = {}
    for key, pk, home_id, partner_id, deleted_at in Partnership.all_objects.filter(
        origin=PartnershipOrigin.REGISTRY, kind=PartnershipKind.TWINNING
    ).values_list("key", "id", "home_id", "partner_id", "deleted_at"):
        existing.setdefault(frozenset((home_id, partner_id)), (key, pk, deleted_at is not None))
    curated = {
        frozenset(pair)
        for pair in Partnership.objects.curated().values_list("home_id", "partner_id")
    }
    credited = set(
        Partnership.sources.through.objects.filter(
            source__key=TWIN_CITIES_SOURCE["key"]
        ).values_list("partnership_id", flat=True)
    )
    keys, new_relations, to_source = {}, [], []
    for pair, row in resolution.pairs.items():
        home_id = place_ids.get(row.first.identity)
        partner_id = place_ids.get(row.second.identity)
        place_pair = frozenset((home_id, partner_id))
        if home_id and partner_id and place_pair in curated:
            report.pairs_also_curated += 1
        if home_id and partner_id and place_pair in existing:
            key, pk, deleted = existing[place_pair]
            keys[pair] = key
            if deleted:
                report.relations_kept_deleted += 1
                row.outcome = "kept deleted"
            else:
                report.relations_existing += 1
                row.outcome = "existing"
                if pk not in credited:
                    to_source.append(pk)
            continue
        row.outcome = "created"
        new_relations.append(row)
    report.relations_created = len(new_relations)
    # Status as partnership_refresh_status derives it from the one `recorded` step below.
    status = STATUS_AFTER_KIND[StepKind.RECORDED]
    relations = [
        Partnership(
            kind=PartnershipKind.TWINNING,
            status=status,
            origin=PartnershipOrigin.REGISTRY,
            visibility=Visibility.PUBLIC,
        )
        for _row in new_relations
    ]
    prepared_relations = PreparedRows(Partnership, relations)
    steps = [
        Step(kind=StepKind.RECORDED, date=TWIN_CITIES_RECORDED_ON, status_after=status)
        for _row in new_relations
    ]
    prepared_steps = PreparedRows(Step, steps)
    return WritePlan(
        snapshot=snapshot,
        place_ids=place_ids,
        new_places=new_places,
        places=prepared_places,
        place_history=_history(Place, places),
        new_relations=new_relations,
        relations=prepared_relations,
        relation_history=_history(Partnership, relations),
        steps=prepared_steps,
        step_history=_history(Step, steps),
        relations_to_source=to_source,
        keys=keys,
    )


def _write(plan: WritePlan) -> None:
    """Send the plan's rows; only the ids of rows written here are looked up."""
    source = _source()
    plan.places.insert()
    ids = dict(plan.place_ids)
    for pk, geonames_id, registry_key in Place.objects.filter(pk__gt=plan.place_max_id).values_list(
        "id", "geonames_id", "registry_key"
    ):
        ids[f"geonames:{geonames_id}" if geonames_id else registry_key] = pk
    place_ids = [ids[identity] for identity in plan.new_places]
    plan.place_history.fill("id", place_ids)
    plan.place_history.insert()
    insert_rows(
        Place.sources.through,
        ["place_id", "source_id"],
        [(pk, source.pk) for pk in place_ids],
    )

    homes = [ids[row.first.identity] for row in plan.new_relations]
    partners = [ids[row.second.identity] for row in plan.new_relations]
    keys = [
        _relation_key(row, home, partner)
        for row, home, partner in zip(plan.new_relations, homes, partners, strict=True)
    ]
    for prepared in (plan.relations, plan.relation_history):
        prepared.fill("key", keys)
        prepared.fill("home_id", homes)
        prepared.fill("partner_id", partners)
    plan.relations.insert()
    relation_ids = dict(
        Partnership.all_objects.filter(pk__gt=plan.relation_max_id).values_list("key", "id")
    )
    created = [relation_ids[key] for key in keys]
    plan.relation_history.fill("id", created)
    plan.relation_history.insert()
    plan.steps.fill("partnership_id", created)
    plan.steps.insert()
    step_ids = dict(
        Step.all_objects.filter(partnership_id__gt=plan.relation_max_id).values_list(
            "partnership_id", "id"
        )
    )
    plan.step_history.fill("id", [step_ids[pk] for pk in created])
    plan.step_history.fill("partnership_id", created)
    plan.step_history.insert()
    insert_rows(
        Partnership.sources.through,
        ["partnership_id", "source_id"],
        [(pk, source.pk) for pk in [*created, *plan.relations_to_source]],
    )
    for row, key in zip(plan.new_relations, keys, strict=True):
        plan.keys[frozenset((row.first.identity, row.second.identity))] = key
    if created:
        relation_facets.invalidate()
        transaction.on_commit(relation_facets.rebuild)
        transaction.on_commit(relation_facets.refresh_statistics)
    transaction.on_commit(caching.registry_changed)


def _report_lines(resolution, keys: dict, report: ImportReport) -> None:
    for row in resolution.rows:
        if row.outcome == "merged":
            report.rows_merged += 1
        elif row.outcome.startswith("skipped"):
            report.rows_skipped += 1
        sides = {}
        for number, side in (("1", row.first), ("2", row.second)):
            sides[f"place{number}"] = side.identity if side else ""
            sides[f"match{number}"] = side.match if side and side.identity else ""
            sides[f"note{number}"] = side.note if side else ""
        report.lines.append(
            {
                "line": row.line,
                **{name: row.values.get(name, "") for name in REPORT_COLUMNS[1:5]},
                "outcome": row.outcome,
                "relation": keys.get(row.relation, "") if row.relation else "",
                **sides,
            }
        )


def twin_cities_import(*, path: Path, report_path: Path | None = None, progress=None):
    """Import the twin-cities CSV file; return the report (also written to `report_path`).

    Reading, matching and planning happen outside any transaction (they only read, so other
    users go on reading and writing); the rows are then written in one short transaction: all
    or nothing. `progress`, if given, wraps an iterable to show progress (tqdm). Raises
    RegistryImportError for a file that cannot be read; nothing is written then.
    """
    rows = read_rows(path)
    resolver = Resolver(geonames_index(), _existing_unmatched_places())
    resolution = resolve(rows, resolver, progress=progress)
    for _attempt in range(PLAN_ATTEMPTS):
        report = ImportReport(rows=len(rows))
        plan = _plan(resolution, report)
        with transaction.atomic():
            started = time.perf_counter()
            if _snapshot() != plan.snapshot:
                continue  # written to while planning: plan again from what is there now
            _write(plan)
            report.write_seconds = time.perf_counter() - started
        logger.info("twin-cities import: write transaction %.2f s", report.write_seconds)
        break
    else:
        raise RegistryImportError(
            _("The registry changed while the import was prepared; nothing was imported.")
        )
    _report_lines(resolution, plan.keys, report)
    if report_path:
        report.write_csv(report_path)
    return report
