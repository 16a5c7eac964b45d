"""The registry in the JSON API (/api/v1/registry/...). Answers are cached until the data
changes (api.caching), so they are served as stored JSON; the schemas below document
them (and the errors, decision record 0018) without checking them again."""

import hashlib
import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from partnerwerk.api.caching import cached_answer
from partnerwerk.api.schemas import ErrorOut
from partnerwerk.core.params import MAX_PAGE
from partnerwerk.exchange.serializers import place_reference
from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.registry import selectors
from partnerwerk.registry.places import partner_values_from_ref, place_from_ref, place_ref, ref_of
from partnerwerk.registry.values import country_code

router = Router(tags=["registry"])
PAGE_SIZE = 50
REF = "GeoNames id of the place, or `p<id>` for a place without one."


class RegistryPlaceOut(Schema):
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    geonames_id: int | None
    lat: float | None
    lon: float | None
    ref: str = Field(description=REF)


class FacetValueOut(Schema):
    value: str
    count: int
    selected: bool


class RelationOut(Schema):
    id: str
    kind: str
    status: str
    origin: str
    home: RegistryPlaceOut
    partner: RegistryPlaceOut


class RelationPageOut(Schema):
    count: int
    page: int
    facets: dict[str, list[FacetValueOut]]
    items: list[RelationOut]


class PartnerOut(Schema):
    place: RegistryPlaceOut
    kinds: list[str]
    origins: list[str]


class SecondStepOut(Schema):
    place: RegistryPlaceOut
    via: list[str] = Field(description="Refs of the partners through which it is reached.")


class NetworkOut(Schema):
    place: RegistryPlaceOut
    first: list[PartnerOut]
    second: list[SecondStepOut]
    second_total: int


class ConnectedOut(Schema):
    place: RegistryPlaceOut
    partners: int


class CountryPairOut(Schema):
    place: RegistryPlaceOut
    partners: list[RegistryPlaceOut]


def _json(compute, request, name: str) -> HttpResponse:
    # The question is the whole address; its digest keeps the cache key short however long
    # the address is.
    question = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    body = cached_answer(name, lambda: json.dumps(compute(), ensure_ascii=False).encode(), question)
    return HttpResponse(body, content_type="application/json")


def _place(place) -> dict:
    return place_reference(place) | {"ref": place_ref(place)}


# The columns of a place that `_place_values` reads.
VALUE_FIELDS = ("id", "geonames_id", "name", "country", "latitude", "longitude")


def _place_values(place: dict) -> dict:
    """`_place` of a place read as plain values (a page of relations)."""
    return {
        "name": place["name"],
        "country": country_code(place["country"]),
        "geonames_id": place["geonames_id"],
        "lat": place["latitude"],
        "lon": place["longitude"],
        "ref": ref_of(geonames_id=place["geonames_id"], pk=place["id"]),
    }


def _partner(partner) -> dict:
    return {
        "place": _place(partner.place),
        "kinds": partner.kinds,
        "origins": sorted({relation.origin for relation in partner.relations}),
    }


def _place_or_404(ref: str):
    place = place_from_ref(ref)
    if place is None:
        raise HttpError(404, _("There is no place “%(ref)s”.") % {"ref": ref})
    return place


@router.get(
    "/relations",
    response={200: RelationPageOut, 422: ErrorOut},
    summary="Relations with facets",
)
def relation_index(
    request,
    country: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    origin: str = PartnershipOrigin.REGISTRY,
    page: int = Query(1, ge=1, le=MAX_PAGE),
):
    """Registry relations (`origin=curated` for the cities' own, `origin=` for both) where one
    of the two places is in `country`, with the counts by kind and status."""

    def compute():
        found = selectors.relation_search(
            country=country, kind=kind, status=status, origin=origin or None
        )
        relations = found["relations"]
        start = (page - 1) * PAGE_SIZE
        return {
            "count": found["count"] if found["count"] is not None else relations.count(),
            "page": page,
            "facets": found["facets"],
            "items": [
                {
                    "id": relation["key"],
                    "kind": relation["kind"],
                    "status": relation["status"],
                    "origin": relation["origin"],
                    "home": _place_values(home),
                    "partner": _place_values(partner),
                }
                for relation, home, partner in relations.values(
                    start, start + PAGE_SIZE, place_fields=VALUE_FIELDS
                )
            ],
        }

    return _json(compute, request, "relations")


@router.get(
    "/cities/{ref}/partners",
    response={200: list[PartnerOut], 404: ErrorOut},
    summary="A city's known partners",
    url_name="registry_city_partners",
)
def city_partners(request, ref: str):
    """`ref` is the GeoNames id, or `p<id>` for a place without one."""

    def compute():
        # The place is looked up inside the cached computation: a cached answer needs no
        # database connection at all. Plain values, no model instances (decision 0036).
        partners = partner_values_from_ref(ref)
        if partners is None:
            raise HttpError(404, _("There is no place “%(ref)s”.") % {"ref": ref})
        return [
            {
                "place": _place_values(partner["place"]),
                "kinds": partner["kinds"],
                "origins": partner["origins"],
            }
            for partner in partners
        ]

    return _json(compute, request, "partners")


@router.get(
    "/cities/{ref}/network",
    response={200: NetworkOut, 404: ErrorOut},
    summary="The network two steps out",
)
def city_network(request, ref: str):
    def compute():
        place = _place_or_404(ref)
        found = selectors.network(place=place)
        return {
            "place": _place(place),
            "first": [_partner(partner) for partner in found["first"]],
            "second": [
                {"place": _place(item["place"]), "via": [place_ref(p) for p in item["via"]]}
                for item in found["second"]
            ],
            "second_total": found["second_total"],
        }

    return _json(compute, request, "network")


@router.get(
    "/common",
    response={200: list[RegistryPlaceOut], 404: ErrorOut, 422: ErrorOut},
    summary="Common partners of two cities",
)
def common_partners(request, first: str, second: str):
    return _json(
        lambda: [
            _place(item["place"])
            for item in selectors.common_partners(
                first=_place_or_404(first), second=_place_or_404(second)
            )
        ],
        request,
        "common",
    )


@router.get(
    "/most-connected",
    response={200: list[ConnectedOut], 422: ErrorOut},
    summary="Cities with the most partners",
)
def most_connected(request, country: str | None = None, limit: int = 50):
    limit = min(max(limit, 1), 500)
    return _json(
        lambda: [
            {"place": _place(row["place"]), "partners": row["partners"]}
            for row in selectors.most_connected(limit=limit, country=country)
        ],
        request,
        "most-connected",
    )


@router.get(
    "/countries/{first}/{second}",
    response=list[CountryPairOut],
    summary="Cities of one country with partners in another",
)
def country_pair(request, first: str, second: str):
    return _json(
        lambda: [
            {"place": _place(row["place"]), "partners": [_place(p) for p in row["partners"]]}
            for row in selectors.country_pair(first=first, second=second)
        ],
        request,
        "country-pair",
    )
