"""Reads for the office pages: the dashboard, a record's history, a partnership's steps."""

import datetime

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerwerk.accounts.rules import is_internal_reader, is_office_staff, roles_of
from partnerwerk.accounts.selectors import readable
from partnerwerk.actors.models import Organisation, Person
from partnerwerk.documents.models import Document
from partnerwerk.partnerships.models import Partnership, PartnershipOrigin, Step
from partnerwerk.partnerships.selectors import registry_relations
from partnerwerk.projects.currency import EURO
from partnerwerk.projects.models import (
    Activity,
    Budget,
    FundingSource,
    Project,
    ProjectStatus,
    Transaction,
)
from partnerwerk.sdg.models import SdgTag

# Bookkeeping fields a history entry does not list as changes.
QUIET_FIELDS = {"updated_at", "created_at"}
DASHBOARD_ROWS = 10
# The dashboard's "coming" activities begin within this many days.
UPCOMING_DAYS = 30


def _shown(field, value):
    """A value as people read it: a choice by its label, a linked record by its name."""
    if value is None or value == "":
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.many_to_one:
        linked = field.related_model._base_manager.filter(pk=value).first()
        return linked if linked is not None else value
    return value


def history_entries(record) -> list[dict]:
    """Every version of the record, newest first, each with who, when and what changed
    (field label, old value, new value)."""
    versions = list(record.history.select_related("history_user").order_by("-history_date"))
    entries = []
    for index, version in enumerate(versions):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        changes = []
        if previous is not None:
            delta = version.diff_against(previous, excluded_fields=QUIET_FIELDS)
            for change in delta.changes:
                field = record._meta.get_field(change.field)
                changes.append(
                    {
                        "field": field.verbose_name,
                        "old": _shown(field, change.old),
                        "new": _shown(field, change.new),
                    }
                )
        entries.append(
            {
                "id": version.history_id,
                "date": version.history_date,
                "user": version.history_user,
                "type": version.get_history_type_display(),
                "reason": version.history_change_reason or "",
                "changes": changes,
                "is_current": index == 0,
            }
        )
    return entries


# The office lists the city's own records unless the registry's are asked for (decision 0025).
ORIGINS = (
    (PartnershipOrigin.CURATED.value, _("own")),
    (PartnershipOrigin.REGISTRY.value, _("from the registry")),
)


def chosen_origin(value: str | None) -> str:
    """The origin a list shows: the registry's when asked for, the office's own otherwise."""
    return PartnershipOrigin.REGISTRY if value == PartnershipOrigin.REGISTRY else ""


def of_origin(queryset: QuerySet, *, partnership: str, origin: str) -> QuerySet:
    """The records of `queryset` whose partnership (reached through the lookup `partnership`,
    empty for partnerships themselves) the office curates, or, with `origin` "registry", those
    the registry holds, without the registry's twin of a pair the office curates."""
    if origin == PartnershipOrigin.REGISTRY:
        relations = registry_relations()
        if not partnership:
            return queryset.filter(pk__in=relations.values("pk"))
        return queryset.filter(**{f"{partnership}__in": relations.values("pk")})
    prefix = f"{partnership}__" if partnership else ""
    return queryset.filter(**{f"{prefix}origin": PartnershipOrigin.CURATED})


def partnership_steps(*, partnership: Partnership) -> list[Step]:
    """All steps in force and awaiting confirmation, by date."""
    return list(
        Step.all_objects.alive()
        .filter(partnership=partnership)
        .select_related("proposed_by", "confirmed_by")
        .order_by("date", "id")
    )


def _mine(user, queryset, path: str):
    """Records the user's own organisation or partnership is part of."""
    roles = roles_of(user)
    condition = Q()
    if roles.organisation_ids:
        condition |= Q(**{f"{path}involvements__organisation__in": roles.organisation_ids})
    if roles.partnership_ids:
        field = "pk" if queryset.model is Partnership else "partnerships"
        condition |= Q(**{f"{field}__in": roles.partnership_ids})
    if not condition:  # office staff and viewers: what changed last
        return queryset.order_by("-updated_at")
    return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))


def _lacking_sources_or_goals(queryset):
    """The records without a source or without an SDG tag, each marked `has_sources` and
    `has_goals`. Two EXISTS, not a count over the product of both joins (sources times tags
    per record, grouped over every record before the first ten can be shown)."""
    subject = queryset.model._meta.model_name  # partnership, project or activity
    sources = queryset.model.sources.through.objects.filter(**{subject: OuterRef("pk")})
    goals = SdgTag.objects.filter(**{subject: OuterRef("pk")})
    return queryset.annotate(has_sources=Exists(sources), has_goals=Exists(goals)).filter(
        Q(has_sources=False) | Q(has_goals=False)
    )


def own_record_counts(user) -> dict[str, int]:
    """How many of the city's own records the user's lists hold by default: the curated
    partnerships (not the registry's), projects, activities, documents, organisations and
    people, as far as the user may read them; one query per kind."""
    partnerships = of_origin(readable(user, Partnership.objects.all()), partnership="", origin="")
    return {
        "partnerships": partnerships.count(),
        "projects": readable(user, Project.objects.all()).count(),
        "activities": readable(user, Activity.objects.all()).count(),
        "documents": readable(user, Document.objects.all()).count(),
        "organisations": readable(user, Organisation.objects.all()).count(),
        "people": readable(user, Person.objects.all()).count(),
    }


def step_proposal_partnerships(user) -> list[Partnership]:
    """The city's own partnerships the user may propose steps for (the rule of
    `partnerships.propose_step`): every one for office staff, their own for a counterpart,
    those their organisation takes part in for a department editor."""
    partnerships = Partnership.objects.curated().select_related("home", "partner")
    if not is_office_staff(user):
        roles = roles_of(user)
        partnerships = partnerships.filter(
            pk__in=Partnership.objects.filter(
                Q(pk__in=roles.partnership_ids)
                | Q(involvements__organisation__in=roles.organisation_ids)
            ).values("pk")
        )
    return list(partnerships.order_by("partner__name", "kind", "pk"))


def _first(queryset, rows: int = DASHBOARD_ROWS) -> dict:
    """The first rows of a list, how many there are in all and how many more than shown
    (two queries)."""
    shown = list(queryset[:rows])
    count = queryset.count()
    return {"rows": shown, "count": count, "more": count - len(shown)}


def unconverted_money(user) -> dict:
    """Transactions, budgets and funding sources with an amount in another currency than the
    euro but no value in euros: they are missing from every total."""
    unconverted = Q(amount__isnull=False, amount_eur__isnull=True) & ~Q(currency=EURO)
    return {
        "transactions": _first(
            readable(user, Transaction.objects.filter(unconverted))
            .select_related("project", "activity")
            .order_by(F("date").desc(nulls_last=True), "pk")
        ),
        "budgets": _first(
            readable(user, Budget.objects.filter(unconverted))
            .select_related("project")
            .order_by("period_start", "pk")
        ),
        "funding_sources": _first(
            readable(user, FundingSource.objects.filter(unconverted))
            .select_related("project", "funder", "programme")
            .order_by("project__title_de", "pk")
        ),
    }


def dashboard(user) -> dict:
    today = timezone.localdate()
    partnerships = readable(user, Partnership.objects.curated()).select_related("home", "partner")
    projects = readable(user, Project.objects.all())
    activities = readable(user, Activity.objects.all())
    pending = readable(user, Step.all_objects.alive().awaiting_confirmation())
    return {
        "my_partnerships": list(_mine(user, partnerships, "")[:DASHBOARD_ROWS]),
        "my_projects": list(_mine(user, projects, "")[:DASHBOARD_ROWS]),
        "counts": own_record_counts(user),
        "upcoming_days": UPCOMING_DAYS,
        "coming_activities": _first(
            activities.filter(
                start_date__gte=today,
                start_date__lte=today + datetime.timedelta(days=UPCOMING_DAYS),
            ).order_by("start_date", "pk")
        ),
        "pending_steps": list(
            pending.select_related(
                "partnership__home", "partnership__partner", "proposed_by"
            ).order_by("date")[:50]
        ),
        # Still "ongoing" although the end date has passed: finished, or the date is wrong.
        "overdue_projects": _first(
            projects.filter(status=ProjectStatus.ONGOING, end_date__lt=today).order_by(
                "end_date", "pk"
            )
        ),
        "unconverted_money": unconverted_money(user),
        "missing": {
            "partnerships": list(
                _lacking_sources_or_goals(partnerships).order_by("partner__name")[:DASHBOARD_ROWS]
            ),
            "projects": list(
                _lacking_sources_or_goals(projects).order_by("title_de")[:DASHBOARD_ROWS]
            ),
            "activities": list(
                _lacking_sources_or_goals(activities).order_by("-start_date")[:DASHBOARD_ROWS]
            ),
        },
        "internal_reader": is_internal_reader(user),
    }
