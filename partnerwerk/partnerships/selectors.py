"""Reads of partnerships, with the related rows each reader needs fetched up front.

Reads that join SDG tags live in sdg/selectors.py: sdg is the app above partnerships.
"""

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from partnerwerk.partnerships.models import Partnership, PartnershipOrigin, PartnershipStatus
from partnerwerk.places.models import Place


def _curated_twin_exists():
    """Whether the city's own partnerships (not deleted, of any kind and visibility) hold the
    outer row's pair of places, in either direction. Two EXISTS of plain equalities, not one
    with an OR: each walks the index of the curated pairs (the partial unique index
    `partnership_unique_curated_kind_per_pair`); with the OR, SQLite scanned the whole table
    once per row (100 s for the 24,658 partnerships after the registry import, 0.03 s so)."""
    curated = Partnership.objects.curated()
    same = curated.filter(home=OuterRef("home"), partner=OuterRef("partner"))
    reverse = curated.filter(home=OuterRef("partner"), partner=OuterRef("home"))
    return Exists(same) | Exists(reverse)


def without_registry_twins(queryset: QuerySet) -> QuerySet:
    """`queryset` without the registry's relation of a pair the office curates (decision 0025).

    The registry import never touches a curated partnership but adds its own relation of the
    same pair (it only counts such pairs, `pairs_also_curated`), so Dortmund–Kumasi would be
    listed twice. The office's record speaks for the pair: its registry twin is left out of
    every list, search, count, map and export. Curated rows are never left out."""
    return queryset.exclude(Q(origin=PartnershipOrigin.REGISTRY) & _curated_twin_exists())


def registry_relations(queryset: QuerySet | None = None) -> QuerySet:
    """Relations taken from the registry, without the twins of curated pairs."""
    queryset = Partnership.objects.all() if queryset is None else queryset
    return without_registry_twins(queryset.filter(origin=PartnershipOrigin.REGISTRY))


def home_public_partnerships() -> QuerySet:
    """The public, curated partnerships of the home city."""
    return (
        Partnership.objects.public()
        .curated()
        .filter(home__geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID)
    )


def partnership_overview() -> dict:
    """Counts of the public, curated partnerships by kind and status, for the start page."""
    rows = (
        Partnership.objects.public()
        .curated()
        .values("kind", "status")
        .annotate(count=Count("id"))
        .order_by("kind", "status")
    )
    by_kind: dict[str, int] = {}
    for row in rows:
        by_kind[row["kind"]] = by_kind.get(row["kind"], 0) + row["count"]
    active = sum(row["count"] for row in rows if row["status"] == PartnershipStatus.ACTIVE)
    return {"by_kind": by_kind, "active": active, "rows": list(rows)}


def partner_place_list() -> QuerySet:
    """Places that are partners of the home city in public, curated partnerships.

    Each place carries `public_partnerships`, a list of its partnerships with the home city.
    """
    partnerships = home_public_partnerships()
    return (
        Place.objects.filter(partner_partnerships__in=partnerships)
        .distinct()
        .prefetch_related(
            Prefetch(
                "partner_partnerships",
                queryset=partnerships.order_by("kind", "key"),
                to_attr="public_partnerships",
            )
        )
        .order_by("name", "id")
    )


def places_of_own_partnerships() -> QuerySet:
    """The places of the city's own (curated) partnerships, home city included, by name."""
    own = Partnership.objects.curated()
    return Place.objects.filter(
        Q(pk__in=own.values("home_id")) | Q(pk__in=own.values("partner_id"))
    ).order_by("name", "id")
