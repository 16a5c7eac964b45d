"""Writes to the registry: the import of registry files, in one transaction and in bulk.

Registry relations are `Partnership(origin=registry)` rows. The import never touches a
curated partnership, never revives a registry relation the office deleted, and a second run
of the same file writes nothing (it finds every place and relation it made the first time).
"""

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from partnerwerk.core.models import Source, Visibility
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
from partnerwerk.registry.importer import (
    TWIN_CITIES_RECORDED_ON,
    TWIN_CITIES_SOURCE,
    Resolver,
    Side,
    read_rows,
    resolve,
)
from partnerwerk.registry.matching import geonames_index

CHANGE_REASON = "twin-cities import"
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
            writer = csv.DictWriter(file, fieldnames=REPORT_COLUMNS)
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


def _write_places(resolution, source: Source, report: ImportReport) -> dict[str, int]:
    """Create the places not yet known; return identity -> place id for every place."""
    geonames_ids = {side.geonames_id for side in resolution.places.values() if side.geonames_id}
    registry_keys = {side.registry_key for side in resolution.places.values() if side.registry_key}
    ids: dict[str, int] = {}
    known = Place.objects.filter(geonames_id__isnull=False).values_list("geonames_id", "id")
    for geonames_id, pk in known:
        if geonames_id in geonames_ids:
            ids[f"geonames:{geonames_id}"] = pk
    for key, pk in Place.objects.exclude(registry_key="").values_list("registry_key", "id"):
        if key in registry_keys:
            ids[key] = pk
    report.places_existing = len(ids)
    new = [_new_place(side) for identity, side in resolution.places.items() if identity not in ids]
    created = bulk_create_with_history(new, Place, default_change_reason=CHANGE_REASON)
    for place in created:
        identity = f"geonames:{place.geonames_id}" if place.geonames_id else place.registry_key
        ids[identity] = place.pk
        report.places_created[place.geonames_match] += 1
    Through = Place.sources.through
    Through.objects.bulk_create(
        [Through(place_id=place.pk, source_id=source.pk) for place in created],
        ignore_conflicts=True,
    )
    report.unmatched_places = sum(1 for side in resolution.places.values() if not side.geonames_id)
    return ids


def _place_token(identity: str, pk: int) -> str:
    return identity.split(":")[1] if identity.startswith("geonames:") else f"p{pk}"


def _write_relations(resolution, ids: dict[str, int], source: Source, report) -> dict:
    """Create the relations not yet known; return pair -> relation key."""
    existing: dict[frozenset, tuple[str, bool]] = {}
    for key, home_id, partner_id, deleted_at in Partnership.all_objects.filter(
        origin=PartnershipOrigin.REGISTRY, kind=PartnershipKind.TWINNING
    ).values_list("key", "home_id", "partner_id", "deleted_at"):
        existing.setdefault(frozenset((home_id, partner_id)), (key, deleted_at is not None))
    curated = {
        frozenset(pair)
        for pair in Partnership.objects.curated().values_list("home_id", "partner_id")
    }
    keys: dict[frozenset, str] = {}
    new: list[Partnership] = []
    existing_ids_to_source: list[str] = []
    status = STATUS_AFTER_KIND[StepKind.RECORDED]
    for pair, row in resolution.pairs.items():
        home_id, partner_id = ids[row.first.identity], ids[row.second.identity]
        place_pair = frozenset((home_id, partner_id))
        if place_pair in curated:
            report.pairs_also_curated += 1
        if place_pair in existing:
            key, deleted = existing[place_pair]
            keys[pair] = key
            if deleted:
                report.relations_kept_deleted += 1
                row.outcome = "kept deleted"
            else:
                report.relations_existing += 1
                row.outcome = "existing"
                existing_ids_to_source.append(key)
            continue
        tokens = sorted(
            (
                _place_token(row.first.identity, home_id),
                _place_token(row.second.identity, partner_id),
            )
        )
        key = f"registry-{tokens[0]}-{tokens[1]}-twinning"
        keys[pair] = key
        row.outcome = "created"
        # Status as partnership_refresh_status derives it from the one `recorded` step below.
        new.append(
            Partnership(
                key=key,
                home_id=home_id,
                partner_id=partner_id,
                kind=PartnershipKind.TWINNING,
                status=status,
                origin=PartnershipOrigin.REGISTRY,
                visibility=Visibility.PUBLIC,
            )
        )
    created = bulk_create_with_history(new, Partnership, default_change_reason=CHANGE_REASON)
    report.relations_created = len(created)
    bulk_create_with_history(
        [
            Step(
                partnership_id=partnership.pk,
                kind=StepKind.RECORDED,
                date=TWIN_CITIES_RECORDED_ON,
                status_after=status,
            )
            for partnership in created
        ],
        Step,
        default_change_reason=CHANGE_REASON,
    )
    partnership_ids = [partnership.pk for partnership in created]
    if existing_ids_to_source:
        partnership_ids += list(
            Partnership.objects.filter(key__in=existing_ids_to_source).values_list("id", flat=True)
        )
    Through = Partnership.sources.through
    Through.objects.bulk_create(
        [Through(partnership_id=pk, source_id=source.pk) for pk in partnership_ids],
        ignore_conflicts=True,
    )
    return keys


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

    `progress`, if given, wraps an iterable to show progress (tqdm). Raises
    RegistryImportError for a file that cannot be read; nothing is written then.
    """
    rows = read_rows(path)
    resolver = Resolver(geonames_index(), _existing_unmatched_places())
    resolution = resolve(rows, resolver, progress=progress)
    report = ImportReport(rows=len(rows))
    with transaction.atomic():
        source = _source()
        ids = _write_places(resolution, source, report)
        keys = _write_relations(resolution, ids, source, report)
        relation_facets.rebuild()
        transaction.on_commit(caching.registry_changed)
        transaction.on_commit(relation_facets.refresh_statistics)
    _report_lines(resolution, keys, report)
    if report_path:
        report.write_csv(report_path)
    return report
