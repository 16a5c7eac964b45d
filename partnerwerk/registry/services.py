"""Writes to the registry: the import of registry files, planned first (registry.plan), then
written in one short transaction and in bulk.

Registry relations are `Partnership(origin=registry)` rows. The import never touches a
curated partnership, never revives a registry relation the office deleted, and a second run
of the same file writes nothing (it finds every place and relation it made the first time).
It adds its source to a relation it finds and removes none (decision 0019).
"""

import logging
import time
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from partnerwerk.core.caching import content_changed
from partnerwerk.core.models import Source
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.places.models import Place
from partnerwerk.registry import facets as relation_facets
from partnerwerk.registry.bulk import insert_rows
from partnerwerk.registry.importer import (
    TWIN_CITIES_SOURCE,
    RegistryImportError,
    Resolver,
    read_rows,
    resolve,
)
from partnerwerk.registry.matching import geonames_index
from partnerwerk.registry.plan import WritePlan, existing_unmatched_places, plan_import, snapshot
from partnerwerk.registry.report import ImportReport, report_lines

logger = logging.getLogger(__name__)

# How often the plan is made again when another user wrote places or relations meanwhile.
PLAN_ATTEMPTS = 3


def _source() -> Source:
    source, _created = Source.objects.update_or_create(
        key=TWIN_CITIES_SOURCE["key"],
        defaults={name: value for name, value in TWIN_CITIES_SOURCE.items() if name != "key"},
    )
    return source


def _place_token(identity: str, pk: int) -> str:
    return identity.split(":")[1] if identity.startswith("geonames:") else f"p{pk}"


def _relation_key(row, home_id: int, partner_id: int) -> str:
    tokens = sorted(
        (_place_token(row.first.identity, home_id), _place_token(row.second.identity, partner_id))
    )
    return f"registry-{tokens[0]}-{tokens[1]}-twinning"


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
    # Bulk writes send no signals: the cached pages and answers are renewed here.
    transaction.on_commit(content_changed)


def twin_cities_import(*, path: Path, progress=None) -> ImportReport:
    """Import the twin-cities CSV file; return the report (its lines are written as CSV by
    `exchange.registry_report.write_import_report`).

    Reading, matching and planning happen outside any transaction (they only read, so other
    users go on reading and writing); the rows are then written in one short transaction: all
    or nothing. `progress`, if given, wraps an iterable to show progress (tqdm). Raises
    RegistryImportError for a file that cannot be read; nothing is written then.
    """
    rows = read_rows(path)
    resolver = Resolver(geonames_index(), existing_unmatched_places())
    resolution = resolve(rows, resolver, progress=progress)
    for _attempt in range(PLAN_ATTEMPTS):
        report = ImportReport(rows=len(rows))
        plan = plan_import(resolution, report)
        with transaction.atomic():
            started = time.perf_counter()
            if snapshot() != plan.snapshot:
                continue  # written to while planning: plan again from what is there now
            _write(plan)
            report.write_seconds = time.perf_counter() - started
        logger.info("twin-cities import: write transaction %.2f s", report.write_seconds)
        break
    else:
        raise RegistryImportError(
            _("The registry changed while the import was prepared; nothing was imported.")
        )
    report_lines(resolution, plan.keys, report)
    return report
