"""The registry import's write plan: everything it will write, matched against the database and
made ready (as rows of database values) before the write transaction begins; reads only."""

from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils import timezone

from partnerwerk.core.models import Visibility
from partnerwerk.partnerships.models import (
    Partnership,
    PartnershipKind,
    PartnershipOrigin,
    Step,
    StepKind,
)
from partnerwerk.partnerships.services import partnerships_prepare_bulk, step_default_status_after
from partnerwerk.places.geonames import GEONAMES_CREDIT
from partnerwerk.places.geonames import countries as geonames_countries
from partnerwerk.places.models import GeoNamesMatch, Place
from partnerwerk.places.names import join_alternate_names
from partnerwerk.registry.bulk import PreparedRows
from partnerwerk.registry.importer import TWIN_CITIES_RECORDED_ON, TWIN_CITIES_SOURCE, Side
from partnerwerk.registry.matching import geonames_index
from partnerwerk.registry.report import ImportReport

CHANGE_REASON = "twin-cities import"


def existing_unmatched_places() -> list[dict]:
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
    """A place to insert in bulk, with the search key a save would set."""
    place = _unsaved_place(side)
    place.refresh_search_names()
    return place


def _unsaved_place(side: Side) -> Place:
    country = side.country.code
    continent = geonames_countries().get(country, {}).get("continentcode", "")
    if side.candidate is not None:
        candidate = side.candidate
        alternates = geonames_index().alternate_names(candidate.geonames_id)
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
            alternate_names=join_alternate_names(alternates),
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


def snapshot() -> tuple:
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


def plan_import(resolution, report: ImportReport) -> WritePlan:
    """Match the resolved places and pairs against the database; reads only."""
    taken = snapshot()
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
    # Each new relation is known through one `recorded` step; its status and start date are
    # derived from that step where partnerships derives them (partnerships.status).
    steps = [
        Step(
            kind=StepKind.RECORDED,
            date=TWIN_CITIES_RECORDED_ON,
            status_after=step_default_status_after(StepKind.RECORDED),
        )
        for _row in new_relations
    ]
    relations = partnerships_prepare_bulk(
        kind=PartnershipKind.TWINNING,
        origin=PartnershipOrigin.REGISTRY,
        visibility=Visibility.PUBLIC,
        steps=[[step] for step in steps],
    )
    prepared_relations = PreparedRows(Partnership, relations)
    prepared_steps = PreparedRows(Step, steps)
    return WritePlan(
        snapshot=taken,
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
