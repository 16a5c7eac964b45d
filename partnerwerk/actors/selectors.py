"""Reads of organisations, people and their involvements for the public site."""

import datetime

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from partnerwerk.actors.models import Involvement, Organisation, OrganisationKind, Person, Role


def office_contact() -> dict:
    """The office that runs the partnerships and its public contact person.

    The office is the home city's own department that coordinates the most public
    partnerships; there is no flag for it, so the data decides.
    """
    home = settings.PARTNERWERK_HOME_GEONAMES_ID
    # Partnerships sit above this app: their model is reached through the relation.
    partnership = Involvement._meta.get_field("partnership").related_model
    office = (
        Organisation.objects.filter(kind=OrganisationKind.CITY_OFFICE, place__geonames_id=home)
        .annotate(
            coordinated=Count(
                "involvements",
                filter=Q(
                    involvements__role=Role.COORDINATOR,
                    involvements__partnership__in=partnership.objects.public(),
                ),
            )
        )
        .select_related("parent")
        .order_by("-coordinated", "name")
        .first()
    )
    person = None
    if office is not None:
        person = Person.objects.public().filter(organisation=office).order_by("name").first()
    return {"office": office, "person": person}


def public_involvements_prefetch() -> Prefetch:
    """Involvements to show publicly: an internal person is never named, not even by key."""
    return Prefetch(
        "involvements",
        queryset=Involvement.objects.filter(
            Q(person__isnull=True) | Q(person__in=Person.objects.public())
        )
        .select_related("organisation", "person")
        .order_by("role", "id"),
    )


def people_for_retention_review(*, years: int | None = None):
    """People linked to nothing active for `years` years (PARTNERWERK_RETENTION_YEARS):
    not changed since, and none of their involvements is in a running partnership or
    project or in an activity of that period."""
    years = settings.PARTNERWERK_RETENTION_YEARS if years is None else years
    cutoff = timezone.now() - datetime.timedelta(days=365 * years)
    active = (
        Q(
            involvements__partnership__status__in=[
                "proposed",
                "preparing",
                "approved",
                "active",
                "suspended",
            ],
            involvements__partnership__deleted_at__isnull=True,
        )
        | Q(
            involvements__project__status__in=["planned", "ongoing"],
            involvements__project__deleted_at__isnull=True,
        )
        | Q(involvements__activity__start_date__gte=cutoff.date())
        | Q(involvements__activity__end_date__gte=cutoff.date())
    )
    linked = Person.objects.filter(active, involvements__deleted_at__isnull=True).values("pk")
    return (
        Person.objects.filter(updated_at__lt=cutoff, erased_at__isnull=True)
        .exclude(pk__in=linked)
        .select_related("organisation")
        .order_by("updated_at")
    )
