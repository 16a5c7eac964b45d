"""How registry pages name a place in their addresses: its GeoNames id, or `p<id>` for a place
the import could not match to GeoNames."""

from django.http import Http404
from django.urls import reverse

from partnerwerk.places.models import Place
from partnerwerk.registry.selectors import registry_place
from partnerwerk.registry.values import city_partner_values


def place_ref(place: Place) -> str:
    return ref_of(geonames_id=place.geonames_id, pk=place.pk)


def ref_of(*, geonames_id: int | None, pk: int) -> str:
    """The ref of a place known by its values only."""
    return str(geonames_id) if geonames_id else f"p{pk}"


def place_from_ref(ref: str) -> Place | None:
    if ref.isdigit():
        return registry_place(geonames_id=int(ref))
    if ref[:1] == "p" and ref[1:].isdigit():
        return registry_place(pk=int(ref[1:]))
    return None


def partner_values_from_ref(ref: str) -> list[dict] | None:
    """`city_partner_values` of the place `ref` names; None if there is no such place."""
    if ref.isdigit():
        return city_partner_values(geonames_id=int(ref))
    if ref[:1] == "p" and ref[1:].isdigit():
        return city_partner_values(place_id=int(ref[1:]))
    return None


def place_or_404(ref: str) -> Place:
    place = place_from_ref(ref)
    if place is None:
        raise Http404
    return place


def city_url(place: Place, name: str = "registry:city") -> str:
    return reverse(name, kwargs={"ref": place_ref(place)})
