"""Registry answers as plain values, for the API's answers that only copy them: no model
instances, statements compiled once per process (registry/prepared.py), the network's rules
from the one definition (`network_relations`). Decision 0036."""

from functools import cache

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language
from django_countries.fields import Country

from partnerwerk.places.models import Place
from partnerwerk.registry import prepared
from partnerwerk.registry.relations import network_relations


@cache
def country_code(code: str) -> str:
    """A stored country code as `Place.country.code` gives it (django-countries' `Country`)."""
    return Country(code=code).code


def _place_by_geonames_id(*, geonames_id: int) -> QuerySet:
    return Place.objects.filter(geonames_id=geonames_id).values_list("id")[:1]


def _place_by_id(*, place: int) -> QuerySet:
    return Place.objects.filter(pk=place).values_list("id")[:1]


# Neither lookup can match a larger number: the ORM answers it with no row, where the
# database driver would refuse it as a parameter.
LARGEST_ID = 2**63 - 1


def registry_place_id(*, geonames_id: int | None = None, pk: int | None = None) -> int | None:
    """The id of `registry_place`'s place, for answers that need no more of it (one query,
    compiled once per process: registry/prepared.py)."""
    if pk is None:
        if geonames_id is None or geonames_id > LARGEST_ID:
            return None
        found = prepared.rows(_place_by_geonames_id, geonames_id=geonames_id)
    else:
        found = prepared.rows(_place_by_id, place=pk) if pk <= LARGEST_ID else None
    return found[0][0] if found else None


# The columns of a place that `city_partner_values` gives: its names (a partner's name in
# the reader's language orders the list), country and position.
VALUE_FIELDS = (
    "id",
    "geonames_id",
    "name",
    "name_de",
    "name_en",
    "country",
    "latitude",
    "longitude",
)


def _city_relations(*, place: int | None = None, geonames_id: int | None = None) -> QuerySet:
    """Both sides of a city's relations in one statement, each side read on its own index;
    the city given by its id or, inside the statement, by its GeoNames id."""
    if geonames_id is not None:
        place = Place.objects.filter(geonames_id=geonames_id).values("id")[:1]
    home, partner = (
        network_relations().filter(**{f"{side}_id": place}).order_by()
        for side in ("home", "partner")
    )
    return home.union(partner, all=True)


def city_partner_values(
    *, place_id: int | None = None, geonames_id: int | None = None
) -> list[dict] | None:
    """`city_partners` as plain values, for answers that only copy them (the API): each
    partner's place (a dict of VALUE_FIELDS), the kinds and origins of the pair, in the same
    order; None if there is no such place. One query, compiled once per process (a second
    asks whether the place exists when it has no relations); no model instances."""
    key, value = ("geonames_id", geonames_id) if place_id is None else ("id", place_id)
    if value is None or value > LARGEST_ID:
        return None
    asked = {"geonames_id": value} if key == "geonames_id" else {"place": value}
    found = prepared.relation_values(_city_relations, place_fields=VALUE_FIELDS, **asked)
    if not found and registry_place_id(**{"pk" if key == "id" else key: value}) is None:
        return None
    partners: dict[int, dict] = {}
    for relation, home, partner in found:
        for own, other in ((home, partner), (partner, home)):
            if own[key] == value:
                entry = partners.setdefault(
                    other["id"], {"place": other, "kinds": set(), "origins": set()}
                )
                entry["kinds"].add(relation["kind"])
                entry["origins"].add(relation["origin"])
    name = f"name_{(get_language() or settings.LANGUAGE_CODE)[:2]}"  # as Place.display_name
    for entry in partners.values():
        place = entry["place"]
        entry["sort"] = (
            country_code(place["country"]),
            place.get(name) or place["name"],
            place["id"],
        )
        entry["kinds"], entry["origins"] = sorted(entry["kinds"]), sorted(entry["origins"])
    return sorted(partners.values(), key=lambda entry: entry.pop("sort"))
