"""Reads of partnerships, with the related rows each reader needs fetched up front.

Reads that join SDG tags live in sdg/selectors.py: sdg is the app above partnerships.
"""

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet

from partnerwerk.partnerships.models import Partnership, PartnershipStatus
from partnerwerk.places.models import Place


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
