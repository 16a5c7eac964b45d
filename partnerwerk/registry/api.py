"""The registry in the JSON API (/api/v1/registry/...). Answers are cached until the data
changes (registry.caching), so they are served as stored JSON."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from partnerwerk.exchange.serializers import place_reference
from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.registry import selectors
from partnerwerk.registry.caching import cached_answer
from partnerwerk.registry.places import place_from_ref, place_ref

router = Router(tags=["registry"])
PAGE_SIZE = 50


class FacetValueOut(Schema):
    value: str
    count: int
    selected: bool


class RelationOut(Schema):
    id: str
    kind: str
    status: str
    origin: str
    home: dict
    partner: dict


class RelationPageOut(Schema):
    count: int
    page: int
    facets: dict[str, list[FacetValueOut]]
    items: list[RelationOut]


class PartnerOut(Schema):
    place: dict
    kinds: list[str]
    origins: list[str]


def _json(compute, request, name: str) -> HttpResponse:
    body = cached_answer(
        name,
        lambda: json.dumps(compute(), ensure_ascii=False).encode(),
        request.get_full_path(),
    )
    return HttpResponse(body, content_type="application/json")


def _place(place) -> dict:
    return place_reference(place) | {"ref": place_ref(place)}


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


@router.get("/relations", response=RelationPageOut, summary="Relations with facets")
def relation_index(
    request,
    country: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    origin: str = PartnershipOrigin.REGISTRY,
    page: int = 1,
):
    """Registry relations (`origin=curated` for the cities' own, `origin=` for both) where one
    of the two places is in `country`, with the counts by kind and status."""

    def compute():
        found = selectors.relation_search(
            country=country, kind=kind, status=status, origin=origin or None
        )
        relations = found["relations"]
        start = (max(page, 1) - 1) * PAGE_SIZE
        return {
            "count": found["count"] if found["count"] is not None else relations.count(),
            "page": max(page, 1),
            "facets": found["facets"],
            "items": [
                {
                    "id": relation.key,
                    "kind": relation.kind,
                    "status": relation.status,
                    "origin": relation.origin,
                    "home": _place(relation.home),
                    "partner": _place(relation.partner),
                }
                for relation in relations[start : start + PAGE_SIZE]
            ],
        }

    return _json(compute, request, "relations")


@router.get(
    "/cities/{ref}/partners",
    response=list[PartnerOut],
    summary="A city's known partners",
    url_name="registry_city_partners",
)
def city_partners(request, ref: str):
    """`ref` is the GeoNames id, or `p<id>` for a place without one."""
    # The place is looked up inside the cached computation: a cached answer needs no
    # database connection at all.
    return _json(
        lambda: [_partner(p) for p in selectors.city_partners(place=_place_or_404(ref))],
        request,
        "partners",
    )


@router.get("/cities/{ref}/network", summary="The network two steps out")
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


@router.get("/common", summary="Common partners of two cities")
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


@router.get("/most-connected", summary="Cities with the most partners")
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


@router.get("/countries/{first}/{second}", summary="Cities of one country with partners in another")
def country_pair(request, first: str, second: str):
    return _json(
        lambda: [
            {"place": _place(row["place"]), "partners": [_place(p) for p in row["partners"]]}
            for row in selectors.country_pair(first=first, second=second)
        ],
        request,
        "country-pair",
    )
