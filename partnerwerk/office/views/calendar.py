"""Office pages for activities as a calendar (month and list) and for money totals of projects."""

import datetime

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from partnerwerk.actors.models import Organisation
from partnerwerk.core.params import bounded_int
from partnerwerk.office.access import office_view
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects import selectors, selectors_money
from partnerwerk.projects.models import Project, TransactionKind
from partnerwerk.projects.selectors_activities import office_dated_activity_count
from partnerwerk.projects.totals import transaction_totals


def _month(request) -> datetime.date:
    """The month asked for, or this month; years stop one short of `datetime`'s ends so the
    page's links to the month before and after are dates too."""
    today = timezone.localdate()
    year = bounded_int(
        request.GET.get("year"),
        default=today.year,
        minimum=datetime.MINYEAR + 1,
        maximum=datetime.MAXYEAR - 1,
    )
    month = bounded_int(request.GET.get("month"), default=today.month, minimum=1, maximum=12)
    return datetime.date(year, month, 1)


def _sees_internal(request) -> bool:
    # Internal readers (office staff and readers) may see internal activities and money; the
    # rule that says so is the one guarding organisations' internal data.
    return request.user.has_perm("actors.view_organisation")


@office_view
def calendar_month(request):
    first = _month(request)
    month = selectors.office_month_activities(
        year=first.year, month=first.month, include_internal=_sees_internal(request)
    )
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "projects/office_calendar_month.html",
        {"month": month, "previous": previous, "following": following},
    )


@office_view
def calendar_list(request):
    show_all = request.GET.get("all") == "1"
    since = None if show_all else timezone.localdate().replace(day=1)
    activities = selectors.office_activity_agenda(
        since=since, include_internal=_sees_internal(request)
    )
    context = {"activities": activities, "show_all": show_all, "since": since}
    if not activities and since is not None:
        # None from this month on: say how many dated activities lie before (issue 14).
        context["dated_total"] = office_dated_activity_count(
            include_internal=_sees_internal(request)
        )
    return render(request, "projects/office_calendar_list.html", context)


@office_view
def money(request):
    """Budgets per project and transaction totals per project, partnership, year and
    funder, by name and kind, internal money included for those who may see internal
    records."""
    public_only = not _sees_internal(request)
    groups = [
        (grouping, _named(grouping, transaction_totals(by=grouping, public_only=public_only)))
        for grouping in ("project", "partnership", "year", "funder")
    ]
    return render(
        request,
        "projects/office_money.html",
        {
            "groups": groups,
            "budgets": selectors_money.budget_overview(public_only=public_only),
            "public_only": public_only,
        },
    )


# The record a totals row's group key names, and its page.
_GROUP_MODELS = {
    "project": (Project.all_objects.all(), "office:projects-edit"),
    "partnership": (
        Partnership.all_objects.select_related("home", "partner"),
        "office:partnerships-edit",
    ),
    "funder": (Organisation.all_objects.all(), "office:organisations-edit"),
}


def _named(grouping: str, rows: list[dict]) -> list[dict]:
    """The rows with the kind's label, and the group's record and page instead of its key."""
    labels = dict(TransactionKind.choices)
    records = {}
    if grouping in _GROUP_MODELS:
        queryset, _url = _GROUP_MODELS[grouping]
        records = queryset.in_bulk({row["group"] for row in rows} - {None}, field_name="key")
    for row in rows:
        row["kind_label"] = labels.get(row["kind"], row["kind"])
        record = records.get(row["group"])
        row["name"] = str(record) if record is not None else row["group"]
        row["url"] = reverse(_GROUP_MODELS[grouping][1], args=[record.pk]) if record else ""
    return rows
