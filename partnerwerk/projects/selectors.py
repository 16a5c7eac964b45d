"""Public reads of projects and activities for the portal, with related rows fetched up front."""

from django.db.models import F, Prefetch, QuerySet

from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.documents.selectors import public_photos_prefetch
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Activity, Project
from partnerwerk.sdg.models import SdgTag


def _public_partnerships() -> Prefetch:
    return Prefetch(
        "partnerships",
        queryset=Partnership.objects.public().select_related("partner").order_by("key"),
    )


def _sdg_tags() -> Prefetch:
    return Prefetch("sdg_tags", queryset=SdgTag.objects.select_related("goal", "target"))


def public_project_list() -> QuerySet:
    return (
        Project.objects.public()
        .prefetch_related(_public_partnerships(), "themes", _sdg_tags())
        .order_by(F("start_date").desc(nulls_last=True), "title_de", "key")
    )


def public_project_detail(*, key: str) -> Project | None:
    return (
        Project.objects.public()
        .filter(key=key)
        .select_related("programme")
        .prefetch_related(
            _public_partnerships(),
            "themes",
            "sources",
            _sdg_tags(),
            public_involvements_prefetch(),
            public_photos_prefetch(),
            Prefetch(
                "activities",
                queryset=Activity.objects.public().order_by(
                    F("start_date").desc(nulls_last=True), "key"
                ),
            ),
        )
        .first()
    )


def public_activity_timeline() -> QuerySet:
    """Public activities, newest first; undated ones last."""
    return (
        Activity.objects.public()
        .select_related("place", "project")
        .prefetch_related(_public_partnerships(), "themes")
        .order_by(F("start_date").desc(nulls_last=True), "key")
    )


def latest_activities(*, limit: int = 5) -> list[Activity]:
    return list(
        Activity.objects.public()
        .filter(start_date__isnull=False)
        .select_related("place")
        .order_by("-start_date", "key")[:limit]
    )


def public_activity_detail(*, key: str) -> Activity | None:
    return (
        Activity.objects.public()
        .filter(key=key)
        .select_related("place", "project")
        .prefetch_related(
            _public_partnerships(),
            "themes",
            "sources",
            _sdg_tags(),
            public_involvements_prefetch(),
            public_photos_prefetch(),
        )
        .first()
    )
