"""The portal's main pages: home with the map, the partnerships index, a partner city."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import npgettext
from django.views.decorators.http import require_GET

from partnerwerk.action_programmes.selectors import public_programme
from partnerwerk.actors.selectors import office_contact
from partnerwerk.content.selectors import public_articles
from partnerwerk.partnerships.models import PartnershipKind, PartnershipStatus
from partnerwerk.partnerships.selectors import partner_place_list, partnership_overview
from partnerwerk.places.selectors import home_place
from partnerwerk.portal import facets
from partnerwerk.portal.caching import cached_page
from partnerwerk.portal.mapdata import map_data
from partnerwerk.portal.selectors import partner_place_detail, public_partnership_detail
from partnerwerk.projects.selectors import latest_activities
from partnerwerk.projects.selectors_activities import public_activity_timeline

PAGE_SIZE = 20
# A partnership's page lists this many of its activities and links to the rest.
PARTNERSHIP_ACTIVITIES = 10
# A partnership's or city's page shows its newest articles and links to the rest.
NEWS_SHOWN = 5


def counted_kind(kind: str, count: int) -> str:
    """The kind of partnership after a number: "1 twinning", "8 twinnings"."""
    labels = {
        PartnershipKind.TWINNING: lambda: npgettext("number of", "twinning", "twinnings", count),
        PartnershipKind.FRIENDSHIP: lambda: npgettext(
            "number of", "friendship", "friendships", count
        ),
        PartnershipKind.SOLIDARITY: lambda: npgettext(
            "number of", "solidarity partnership", "solidarity partnerships", count
        ),
        PartnershipKind.PROJECT: lambda: npgettext(
            "number of", "project partnership", "project partnerships", count
        ),
        PartnershipKind.CLIMATE: lambda: npgettext(
            "number of", "climate partnership", "climate partnerships", count
        ),
        PartnershipKind.CONTACT: lambda: npgettext("number of", "contact", "contacts", count),
    }
    label = labels.get(kind)
    return label() if label else str(dict(PartnershipKind.choices).get(kind, kind))


@require_GET
@cached_page
def home(request):
    partner_places = list(partner_place_list())
    overview = partnership_overview()
    context = {
        "overview": overview,
        "kind_counts": [
            {"kind": kind, "label": counted_kind(kind, count), "count": count}
            for kind, count in overview["by_kind"].items()
        ],
        "total": sum(overview["by_kind"].values()),
        "partner_places": partner_places,
        "map": map_data(home=home_place(), partner_places=partner_places),
        "activities": latest_activities(limit=5),
        "kinds": PartnershipKind.choices,
        "statuses": PartnershipStatus.choices,
    }
    return render(request, "portal/home.html", context)


def _toggle_url(request, name: str, value: str, selected: bool) -> str:
    """The index URL with one facet value chosen, or removed when it is chosen already."""
    params = request.GET.copy()
    params.pop("page", None)
    if selected:
        params.pop(name, None)
    else:
        params[name] = value
    return f"{request.path}?{params.urlencode()}" if params else request.path


@require_GET
@cached_page
def partnership_index(request):
    found = facets.partnership_search(params=request.GET)
    for facet in found["facets"]:
        for item in facet.values:
            item.url = _toggle_url(request, facet.name, item.value, item.selected)
    page = Paginator(found["results"], PAGE_SIZE).get_page(request.GET.get("page"))
    context = found | {
        "page": page,
        "query": request.GET.get("q", "").strip(),
        "sorts": facets.SORT_LABELS,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }
    return render(request, "portal/partnership_index.html", context)


@require_GET
@cached_page
def city(request, geonames_id: int):
    place = partner_place_detail(geonames_id=geonames_id)
    if place is None:
        raise Http404
    partnerships = place.public_partnerships
    projects = {}
    photos = []
    organisations = {}
    for partnership in partnerships:
        photos.extend(partnership.public_photos)
        for project in partnership.projects.all():
            projects.setdefault(project.pk, project)
        for involvement in partnership.involvements.all():
            actor = involvement.organisation or involvement.person
            organisations.setdefault((type(actor).__name__, actor.pk), (actor, []))[1].append(
                involvement.get_role_display()
            )
    for project in projects.values():
        photos.extend(project.public_photos)
    goals = {tag.goal.number: tag.goal for p in partnerships for tag in p.sdg_tags.all()}
    themes = {theme.code: theme for p in partnerships for theme in p.themes.all()}
    context = {
        "place": place,
        "partnerships": partnerships,
        "projects": list(projects.values()),
        "photos": photos,
        "involved": [
            {"actor": actor, "roles": sorted(set(roles))} for actor, roles in organisations.values()
        ],
        "goals": [goals[number] for number in sorted(goals)],
        "themes": sorted(themes.values(), key=lambda theme: theme.name.lower()),
        "contact": office_contact(),
        # The city and Dortmund on the map of the home page, drawn the same way (map.js).
        "map": map_data(home=home_place(), partner_places=[place]),
        "news": list(public_articles(place=place)[:NEWS_SHOWN]),
    }
    return render(request, "portal/city.html", context)


@require_GET
@cached_page
def partnership(request, key: str):
    """One of the city's public partnerships: its history, themes, goals, actors, projects,
    activities and sources."""
    found = public_partnership_detail(key=key)
    if found is None:
        raise Http404
    activities = public_activity_timeline(partnership=found)
    shown = list(activities[: PARTNERSHIP_ACTIVITIES + 1])
    photos = list(found.public_photos)
    for project in found.projects.all():
        photos.extend(project.public_photos)
    context = {
        "partnership": found,
        "place": found.partner,
        "activities": shown[:PARTNERSHIP_ACTIVITIES],
        "more_activities": len(shown) > PARTNERSHIP_ACTIVITIES,
        "photos": photos,
        "calendar": [found],
        "contact": office_contact(),
        # The current joint programme's public goals and measures (decision 0029).
        "programme": public_programme(partnership=found),
        "news": list(public_articles(partnership=found)[:NEWS_SHOWN]),
        "news_url": f"{reverse('portal:news')}?partnership={found.key}",
    }
    return render(request, "portal/partnership_detail.html", context)
