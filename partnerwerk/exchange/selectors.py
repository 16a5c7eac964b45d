"""Public reads for exports and the API: only what may leave the office, fetched up front.

Every queryset here fetches the related rows its serializer touches, so the number of
queries stays the same whether a page holds three rows or three hundred.
"""

from decimal import Decimal

from django.db.models import F, Prefetch, QuerySet, Sum

from partnerwerk.actors.models import Organisation, Person
from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.partnerships.models import Partnership, PartnershipOrigin
from partnerwerk.partnerships.selectors import without_registry_twins
from partnerwerk.places.models import Place
from partnerwerk.projects.models import Activity, Budget, Project, Transaction
from partnerwerk.sdg.selectors import partnership_list


def _public_partnerships() -> Prefetch:
    return Prefetch("partnerships", queryset=Partnership.objects.public().order_by("key"))


def place_list(*, country: str | None = None) -> QuerySet:
    queryset = Place.objects.prefetch_related("sources").order_by("country", "name", "id")
    if country:
        queryset = queryset.filter(country=country.upper())
    return queryset


def public_partnership_list(*, origin: str | None = None, public_only: bool = True) -> QuerySet:
    """Public partnerships of one origin, or of every origin when `origin` is None."""
    queryset = partnership_list(public_only=public_only, curated_only=False).select_related(
        "succeeds"
    )
    if origin:
        queryset = queryset.filter(origin=origin)
    # A pair the office curates is shown once, as its own record (decision 0025).
    return without_registry_twins(queryset)


def curated_partnership_list(*, public_only: bool = True) -> QuerySet:
    """The city's own partnerships, those the office curates: the `partnerships` dataset.
    The registry's pairs are a dataset of their own (`relations`)."""
    return public_partnership_list(origin=PartnershipOrigin.CURATED, public_only=public_only)


def organisation_list() -> QuerySet:
    return (
        Organisation.objects.select_related("parent", "place")
        .prefetch_related("sources")
        .order_by("name", "key")
    )


def public_person_list(*, public_only: bool = True) -> QuerySet:
    people = Person.objects.public() if public_only else Person.objects.all()
    return people.select_related("organisation").prefetch_related("sources").order_by("name", "key")


def public_project_list(*, public_only: bool = True) -> QuerySet:
    projects = Project.objects.public() if public_only else Project.objects.all()
    return (
        projects.select_related("programme")
        .prefetch_related(
            _public_partnerships(), "themes", "sdg_tags", "sources", public_involvements_prefetch()
        )
        .order_by("title_de", "key")
    )


def public_activity_list(*, public_only: bool = True) -> QuerySet:
    activities = Activity.objects.public() if public_only else Activity.objects.all()
    return (
        activities.select_related("place", "project")
        .prefetch_related(
            _public_partnerships(), "themes", "sdg_tags", "sources", public_involvements_prefetch()
        )
        # Undated activities last on SQLite and PostgreSQL alike (their defaults differ).
        .order_by(F("start_date").asc(nulls_last=True), "key")
    )


def public_transaction_list(*, public_only: bool = True) -> QuerySet:
    """Public transactions of public projects or activities (never of an internal one);
    with `public_only=False` every transaction (for the office)."""
    transactions = Transaction.objects.public() if public_only else Transaction.objects.all()
    return (
        transactions.select_related("project", "activity", "provider", "receiver")
        .prefetch_related("sources")
        .order_by(F("date").asc(nulls_last=True), "key")
    )


def iati_project_list() -> QuerySet:
    """Public projects with everything an IATI activity holds, in few queries."""
    from partnerwerk.actors.models import Involvement
    from partnerwerk.projects.models import (
        IndicatorPeriod,
        ProjectLocation,
        ProjectParticipant,
        Result,
        ResultIndicator,
    )
    from partnerwerk.sdg.models import SdgTag

    public_transactions = Transaction.objects.public().select_related("provider", "receiver")
    indicators = ResultIndicator.objects.prefetch_related(
        Prefetch("periods", queryset=IndicatorPeriod.objects.order_by("period_start", "id"))
    ).order_by("id")
    return (
        Project.objects.public()
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.public().select_related("partner").order_by("key"),
            ),
            "themes",
            Prefetch("sdg_tags", queryset=SdgTag.objects.select_related("target")),
            Prefetch(
                "involvements",
                queryset=Involvement.objects.filter(organisation__isnull=False)
                .select_related("organisation")
                .order_by("id"),
            ),
            Prefetch(
                "participants",
                queryset=ProjectParticipant.objects.select_related("organisation").order_by("id"),
            ),
            Prefetch(
                "locations", queryset=ProjectLocation.objects.select_related("place").order_by("id")
            ),
            Prefetch("budgets", queryset=Budget.objects.order_by("period_start", "kind", "id")),
            Prefetch("transactions", queryset=public_transactions, to_attr="public_transactions"),
            Prefetch(
                "activities",
                queryset=Activity.objects.public().prefetch_related(
                    Prefetch(
                        "transactions",
                        queryset=public_transactions.filter(project__isnull=True),
                        to_attr="public_transactions",
                    )
                ),
            ),
            Prefetch(
                "results",
                queryset=Result.objects.prefetch_related(
                    Prefetch("indicators", queryset=indicators)
                ).order_by("id"),
            ),
        )
        .order_by("key")
    )


def public_budget_totals_per_year() -> list[tuple[int, Decimal]]:
    """(year, total) of the public projects' euro budgets, in one query, oldest year first.

    Only budgets that lie within one calendar year add up to that year's total; a year
    without such a budget is left out."""
    rows = (
        Budget.objects.filter(
            project__in=Project.objects.public(),
            currency="EUR",
            period_end__year=F("period_start__year"),
        )
        .values("period_start__year")
        .annotate(total=Sum("amount"))
        .order_by("period_start__year")
    )
    return [(row["period_start__year"], row["total"]) for row in rows]


def public_partnership(*, key: str) -> Partnership | None:
    return Partnership.objects.public().select_related("home", "partner").filter(key=key).first()
