"""Public reads for exports and the API: only what may leave the office, fetched up front.

Every queryset here fetches the related rows its serializer touches, so the number of
queries stays the same whether a page holds three rows or three hundred.
"""

from django.db.models import F, Prefetch, QuerySet

from partnerwerk.actors.models import Organisation, Person
from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.core.models import Visibility
from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.selectors import partnership_list
from partnerwerk.places.models import Place
from partnerwerk.projects.models import Activity, Project


def _public_partnerships() -> Prefetch:
    return Prefetch("partnerships", queryset=Partnership.objects.public().order_by("key"))


def place_list(*, country: str | None = None) -> QuerySet:
    queryset = Place.objects.prefetch_related("sources").order_by("country", "name", "id")
    if country:
        queryset = queryset.filter(country=country.upper())
    return queryset


def public_partnership_list(*, origin: str | None = None) -> QuerySet:
    """Public partnerships of one origin, or of every origin when `origin` is None."""
    queryset = partnership_list(public_only=True, curated_only=False).select_related("succeeds")
    if origin:
        queryset = queryset.filter(origin=origin)
    return queryset


def organisation_list() -> QuerySet:
    return (
        Organisation.objects.select_related("parent", "place")
        .prefetch_related("sources")
        .order_by("name", "key")
    )


def public_person_list() -> QuerySet:
    return (
        Person.objects.filter(visibility=Visibility.PUBLIC)
        .select_related("organisation")
        .prefetch_related("sources")
        .order_by("name", "key")
    )


def public_project_list() -> QuerySet:
    return (
        Project.objects.public()
        .select_related("programme")
        .prefetch_related(
            _public_partnerships(), "themes", "sdg_tags", "sources", public_involvements_prefetch()
        )
        .order_by("title_de", "key")
    )


def public_activity_list() -> QuerySet:
    return (
        Activity.objects.public()
        .select_related("place", "project")
        .prefetch_related(
            _public_partnerships(), "themes", "sdg_tags", "sources", public_involvements_prefetch()
        )
        # Undated activities last on SQLite and PostgreSQL alike (their defaults differ).
        .order_by(F("start_date").asc(nulls_last=True), "key")
    )
