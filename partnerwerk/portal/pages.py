"""The portal's other pages: projects, activities, SDGs, the office, legal pages, errors."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerwerk.actors.selectors import office_contact
from partnerwerk.content.legal import ACCESSIBILITY, IMPRINT, PRIVACY, first_version
from partnerwerk.content.selectors import public_page
from partnerwerk.core.params import bounded_int
from partnerwerk.core.security import client_ip
from partnerwerk.feedback.forms import FeedbackForm
from partnerwerk.feedback.services import RateLimited, feedback_submit
from partnerwerk.portal.caching import cached_page
from partnerwerk.projects import selectors as projects
from partnerwerk.projects import selectors_activities as activities
from partnerwerk.projects.models import ActivityKind
from partnerwerk.sdg import selectors as sdg
from partnerwerk.sdg.charts import overview_chart

PAGE_SIZE = 30


@require_GET
@cached_page
def project_index(request):
    page = Paginator(projects.public_project_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/project_index.html", {"page": page})


@require_GET
@cached_page
def project_detail(request, key: str):
    project = projects.public_project_detail(key=key)
    if project is None:
        raise Http404
    return render(request, "portal/project_detail.html", {"project": project})


def _activity_choice(params) -> dict:
    """The timeline's filters from the GET parameters: a kind, a partnership (by key) or a
    year the page does not offer is no filter; a year is a whole number of 1 to 9999."""
    kinds = dict(ActivityKind.choices)
    partnerships = activities.partnerships_with_public_activities()
    by_key = {partnership.key: partnership for partnership in partnerships}
    kind = params.get("kind", "")
    year = bounded_int(params.get("year"), default=None, minimum=1, maximum=9999)
    return {
        "kind": kind if kind in kinds else "",
        "partnership": by_key.get(params.get("partnership", "")),
        "year": year,
        "kinds": sorted(kinds.items(), key=lambda item: str(item[1]).casefold()),
        "partnerships": partnerships,
        "years": activities.public_activity_years(),
    }


@require_GET
@cached_page
def activity_index(request):
    """The activities: coming ones first, then past ones, newest first; with filters."""
    choice = _activity_choice(request.GET)
    timeline = activities.public_activity_timeline(
        kind=choice["kind"] or None, partnership=choice["partnership"], year=choice["year"]
    )
    page = Paginator(timeline, PAGE_SIZE).get_page(request.GET.get("page"))
    chosen = bool(choice["kind"] or choice["partnership"] or choice["year"])
    # The first page of the whole timeline says so when nothing is coming.
    nothing_coming = (
        page.number == 1
        and not chosen
        and not any(activity.phase == activities.COMING for activity in page.object_list)
    )
    context = {
        "page": page,
        "choice": choice,
        "chosen": chosen,
        "nothing_coming": nothing_coming,
        # The calendar feed of the chosen partnership, beside the one of all activities.
        "calendar": [choice["partnership"]] if choice["partnership"] else None,
    }
    return render(request, "portal/activity_index.html", context)


@require_GET
@cached_page
def activity_detail(request, key: str):
    activity = projects.public_activity_detail(key=key)
    if activity is None:
        raise Http404
    return render(request, "portal/activity_detail.html", {"activity": activity})


@require_GET
@cached_page
def goal_index(request):
    overview = sdg.goal_overview(public_only=True)
    context = {
        "goals": sdg.goal_list_with_counts(),
        "overview": overview,
        "chart": overview_chart(overview),
        "goal_link": "portal:goal",
    }
    return render(request, "portal/goal_index.html", context)


@require_GET
@cached_page
def goal_detail(request, number: int):
    found = sdg.goal_detail(number=number)
    if found is None:
        raise Http404
    return render(request, "portal/goal_detail.html", found)


@require_GET
@cached_page
def contact(request):
    return render(request, "portal/contact.html", office_contact())


def _legal_page(key: str):
    """The public version of a legal page the office edits, or its first version when none
    is public (content.legal): an imprint is never missing."""
    return public_page(key=key) or first_version(key)


@require_GET
@cached_page
def imprint(request):
    return render(request, "portal/imprint.html", office_contact() | {"page": _legal_page(IMPRINT)})


@require_GET
@cached_page
def privacy(request):
    return render(request, "portal/privacy.html", office_contact() | {"page": _legal_page(PRIVACY)})


@require_http_methods(["GET", "POST"])
def accessibility(request):
    form = FeedbackForm(request.POST or None, initial={"page": request.GET.get("page", "")})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            feedback_submit(
                ip_address=client_ip(request),
                language=get_language() or "",
                **form.cleaned_data,
            )
        except RateLimited:
            form.add_error(
                None,
                _("You have sent several messages within the hour. Please try again later."),
            )
            status = 429
        else:
            messages.success(request, _("Thank you. Your message has reached the office."))
            return redirect(request.path + "#feedback")
    elif request.method == "POST":
        status = 400
    context = office_contact() | {"form": form, "page": _legal_page(ACCESSIBILITY)}
    return render(request, "portal/accessibility.html", context, status=status)
