"""Office pages for activities as a calendar (month and list) and for money totals of projects."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from partnerwerk.core.params import bounded_int
from partnerwerk.office.access import office_view
from partnerwerk.projects import selectors
from partnerwerk.projects.totals import budget_totals, transaction_totals


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
    return render(
        request,
        "projects/office_calendar_list.html",
        {"activities": activities, "show_all": show_all},
    )


@office_view
def money(request):
    """Totals per project, partnership, year and funder, internal money included for those
    who may see internal records."""
    public_only = not _sees_internal(request)
    groups = [
        (grouping, transaction_totals(by=grouping, public_only=public_only))
        for grouping in ("project", "partnership", "year", "funder")
    ]
    return render(
        request,
        "projects/office_money.html",
        {
            "groups": groups,
            "budgets_by_year": budget_totals(by="year", public_only=public_only),
            "public_only": public_only,
        },
    )
