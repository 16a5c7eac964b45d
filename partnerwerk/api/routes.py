"""The read-only public endpoints. Lists and details show only what the exports show."""

import hashlib
from typing import Literal

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from partnerwerk.api.caching import cached_answer
from partnerwerk.api.pagination import SerializedPagination
from partnerwerk.api.schemas import (
    ActivityOut,
    ErrorOut,
    OrganisationOut,
    PartnershipFilters,
    PartnershipOut,
    PlaceFilters,
    PlaceOptionOut,
    PlaceOut,
    ProjectOut,
)
from partnerwerk.core.security import client_ip
from partnerwerk.exchange import selectors, serializers
from partnerwerk.places import selectors as place_selectors
from partnerwerk.places.names import fold
from partnerwerk.places.presentation import place_option
from partnerwerk.sdg.selectors import partnership_filter

partnerships = Router(tags=["partnerships"])
places = Router(tags=["places"])
projects = Router(tags=["projects"])
activities = Router(tags=["activities"])
organisations = Router(tags=["organisations"])


@partnerships.get(
    "", response={200: list[PartnershipOut], 422: ErrorOut}, summary="List public partnerships"
)
@paginate(SerializedPagination, serializer=serializers.partnership_to_dict)
def partnership_index(request, filters: Query[PartnershipFilters]):
    """Public partnerships, curated by the office unless `origin=registry` is asked for."""
    queryset = selectors.public_partnership_list(origin=filters.origin)
    return partnership_filter(
        queryset,
        kind=filters.kind,
        status=filters.status,
        country=filters.country,
        theme=filters.theme,
        sdg=filters.sdg,
    )


@partnerships.get(
    "/{key}", response={200: PartnershipOut, 404: ErrorOut}, summary="One public partnership"
)
def partnership_detail(request, key: str):
    partnership = selectors.public_partnership_list().filter(key=key).first()
    if partnership is None:
        raise HttpError(
            404, _("There is no public partnership with the key “%(key)s”.") % {"key": key}
        )
    return serializers.partnership_to_dict(partnership)


@places.get("", response={200: list[PlaceOut], 422: ErrorOut}, summary="List places")
@paginate(SerializedPagination, serializer=serializers.place_to_dict)
def place_index(request, filters: Query[PlaceFilters]):
    return selectors.place_list(country=filters.country)


# The place picker asks once per keystroke (after a pause); a client asking far more often is
# not a person typing.
PLACE_SEARCHES_PER_MINUTE = 120


def _place_search_allowed(request) -> bool:
    key = f"place-search-rate:{client_ip(request)}"
    cache.add(key, 0, 60)
    try:
        return cache.incr(key) <= PLACE_SEARCHES_PER_MINUTE
    except ValueError:  # expired between add and incr
        return True


@places.get(
    "/search",
    response={200: list[PlaceOptionOut], 422: ErrorOut, 429: ErrorOut},
    summary="Find places by name",
    url_name="place_search",
)
def place_search(
    request,
    q: str = Query(
        ...,
        min_length=1,
        max_length=100,
        description="The beginning of a name in any language (German, English, local).",
    ),
    lang: Literal["de", "en"] | None = Query(
        None, description="Language of the names and countries (default: the request's)."
    ),
):
    """Places whose name or a word of it begins with `q`, a place of exactly that name first,
    then by population; the place picker of the portal's forms asks this. Answers are cached
    until the data changes; more than 120 questions a minute from one address are refused
    (429)."""
    if not _place_search_allowed(request):
        raise HttpError(429, _("Too many place searches from your address; wait a minute."))
    language = lang or translation.get_language() or "de"

    def compute():
        with translation.override(language):
            return [place_option(place) for place in place_selectors.place_search(query=q)]

    # The folded query's digest: a cache key holds no spaces or other scripts.
    question = hashlib.sha256(fold(q).encode()).hexdigest()
    return cached_answer("place-search", compute, language[:2], question)


@places.get("/{int:geonames_id}", response={200: PlaceOut, 404: ErrorOut}, summary="One place")
def place_detail(request, geonames_id: int):
    place = selectors.place_list().filter(geonames_id=geonames_id).first()
    if place is None:
        raise HttpError(
            404, _("There is no place with the GeoNames id %(id)s.") % {"id": geonames_id}
        )
    return serializers.place_to_dict(place)


@projects.get("", response={200: list[ProjectOut], 422: ErrorOut}, summary="List public projects")
@paginate(SerializedPagination, serializer=serializers.project_to_dict)
def project_index(request):
    return selectors.public_project_list()


@projects.get("/{key}", response={200: ProjectOut, 404: ErrorOut}, summary="One public project")
def project_detail(request, key: str):
    project = selectors.public_project_list().filter(key=key).first()
    if project is None:
        raise HttpError(404, _("There is no public project with the key “%(key)s”.") % {"key": key})
    return serializers.project_to_dict(project)


@activities.get(
    "", response={200: list[ActivityOut], 422: ErrorOut}, summary="List public activities"
)
@paginate(SerializedPagination, serializer=serializers.activity_to_dict)
def activity_index(request):
    return selectors.public_activity_list()


@activities.get("/{key}", response={200: ActivityOut, 404: ErrorOut}, summary="One public activity")
def activity_detail(request, key: str):
    activity = selectors.public_activity_list().filter(key=key).first()
    if activity is None:
        raise HttpError(
            404, _("There is no public activity with the key “%(key)s”.") % {"key": key}
        )
    return serializers.activity_to_dict(activity)


@organisations.get(
    "", response={200: list[OrganisationOut], 422: ErrorOut}, summary="List organisations"
)
@paginate(SerializedPagination, serializer=serializers.organisation_to_dict)
def organisation_index(request):
    return selectors.organisation_list()


@organisations.get(
    "/{key}", response={200: OrganisationOut, 404: ErrorOut}, summary="One organisation"
)
def organisation_detail(request, key: str):
    organisation = selectors.organisation_list().filter(key=key).first()
    if organisation is None:
        raise HttpError(404, _("There is no organisation with the key “%(key)s”.") % {"key": key})
    return serializers.organisation_to_dict(organisation)
