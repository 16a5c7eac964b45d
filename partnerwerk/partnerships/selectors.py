"""Reads of partnerships, with the related rows each reader needs fetched up front."""

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet

from partnerwerk.partnerships.models import Partnership, PartnershipStatus, Step
from partnerwerk.sdg.models import SdgTag


def home_public_partnerships() -> QuerySet:
    """The public, curated partnerships of the home city."""
    return (
        Partnership.objects.public()
        .curated()
        .filter(home__geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID)
    )


def partnership_list(*, public_only: bool = True, curated_only: bool = True) -> QuerySet:
    queryset = Partnership.objects.select_related("home", "partner").prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("date", "id").prefetch_related("sources")),
        "themes",
        "sources",
        Prefetch("sdg_tags", queryset=SdgTag.objects.select_related("goal", "target")),
    )
    if public_only:
        queryset = queryset.public()
    if curated_only:
        queryset = queryset.curated()
    return queryset.order_by("partner__name", "kind", "key")


def partnership_filter(
    queryset: QuerySet,
    *,
    kind: str | None = None,
    status: str | None = None,
    country: str | None = None,
    theme: str | None = None,
    sdg: int | None = None,
) -> QuerySet:
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if country:
        queryset = queryset.filter(partner__country=country.upper())
    # By the ids of the tagged partnerships, not by joins: joining themes and SDG tags
    # multiplies the rows (a goal and its targets are several tags) and needs DISTINCT.
    if theme:
        linked = Partnership.themes.through.objects.filter(theme__code=theme)
        queryset = queryset.filter(pk__in=linked.values("partnership_id"))
    if sdg:
        tagged = SdgTag.objects.filter(goal_id=sdg)
        queryset = queryset.filter(pk__in=tagged.values("partnership_id"))
    return queryset


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
