"""The relation counts per country, origin, kind and status (see RelationFacetCount)."""

from collections import Counter

from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save

from partnerwerk.partnerships.models import Partnership
from partnerwerk.registry import prepared
from partnerwerk.registry.models import RelationFacetCount
from partnerwerk.registry.relations import network_relations


def refresh_statistics() -> None:
    """After a bulk import PostgreSQL's planner still believes the tables are small (until
    autovacuum runs) and picks plans that join every row; ANALYZE gives it the real sizes.
    (On SQLite, ANALYZE made the country list slower and the city pages faster; left out.)"""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("places_place", "partnerships_partnership"):
                cursor.execute(f"ANALYZE {table}")


def invalidate() -> None:
    """Empty the summary: `counts_for` rebuilds it when it is next asked."""
    RelationFacetCount.objects.all().delete()


def rebuild() -> int:
    """Count every public relation once per country it touches; return the number of rows.

    The counting reads only and runs before the transaction that replaces the rows, so
    SQLite's write lock is held for the replacement alone."""
    counts: Counter = Counter()
    groups = (
        network_relations()
        .values("home__country", "partner__country", "origin", "kind", "status")
        .annotate(number=Count("id"))
    )
    for group in groups:
        key = (group["origin"], group["kind"], group["status"])
        counts[(group["home__country"], *key)] += group["number"]
        if group["partner__country"] != group["home__country"]:
            counts[(group["partner__country"], *key)] += group["number"]
    with transaction.atomic():
        RelationFacetCount.objects.all().delete()
        RelationFacetCount.objects.bulk_create(
            RelationFacetCount(country=country, origin=origin, kind=kind, status=status, count=n)
            for (country, origin, kind, status), n in counts.items()
        )
    return len(counts)


def _summary(*, country: str, origin: str | None = None):
    rows = RelationFacetCount.objects.filter(country=country)
    if origin:
        rows = rows.filter(origin=origin)
    return rows.values_list("kind", "status", "count")


def counts_for(*, country: str, origin: str | None) -> list[dict]:
    """The summary rows of a country (rebuilt first when a change emptied the summary): one
    query, compiled once per process (registry/prepared.py); only a country without rows
    asks whether the summary is empty."""
    asked = {"country": country, "origin": origin} if origin else {"country": country}
    rows = prepared.rows(_summary, **asked)
    if not rows and not RelationFacetCount.objects.exists() and network_relations().exists():
        rebuild()
        rows = prepared.rows(_summary, **asked)
    return [{"kind": kind, "status": status, "count": count} for kind, status, count in rows]


def facet_values(rows: list[dict], *, kind: str | None, status: str | None) -> dict:
    """Facets by kind and status (each counted under the other's choice) and the total."""
    facets = {}
    for name, chosen in (("kind", kind), ("status", status)):
        other, other_value = ("status", status) if name == "kind" else ("kind", kind)
        tally: Counter = Counter()
        for row in rows:
            if not other_value or row[other] == other_value:
                tally[row[name]] += row["count"]
        facets[name] = [
            {"value": value, "count": number, "selected": value == chosen}
            for value, number in sorted(tally.items(), key=lambda item: (-item[1], item[0]))
        ]
    total = sum(
        row["count"]
        for row in rows
        if (not kind or row["kind"] == kind) and (not status or row["status"] == status)
    )
    return {"facets": facets, "count": total}


def _stale(sender, **kwargs):
    RelationFacetCount.objects.all().delete()


def connect_signals() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_stale, sender=Partnership, dispatch_uid=f"registry-facets-{signal!r}")
