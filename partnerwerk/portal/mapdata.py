"""The data block the map script reads: home city, partner cities, their kinds and status."""

from django.urls import reverse
from django.utils.translation import gettext as _

from partnerwerk.partnerships.models import PartnershipStatus

# The order in which a city's partnerships decide its marker: the most binding kind first.
KIND_ORDER = ("twinning", "climate", "solidarity", "friendship", "project", "contact")
LIVE_STATUSES = (PartnershipStatus.ACTIVE, PartnershipStatus.APPROVED)


def main_partnership(partnerships):
    """The partnership that styles a city's marker: a live one of the most binding kind."""

    def rank(partnership):
        live = partnership.status in LIVE_STATUSES
        kind = KIND_ORDER.index(partnership.kind) if partnership.kind in KIND_ORDER else 99
        return (not live, kind)

    return min(partnerships, key=rank) if partnerships else None


def map_data(*, home, partner_places) -> dict:
    cities = []
    for place in partner_places:
        if place.latitude is None or place.longitude is None or not place.geonames_id:
            continue
        main = main_partnership(place.public_partnerships)
        cities.append(
            {
                "name": place.display_name,
                "lat": place.latitude,
                "lon": place.longitude,
                "kind": main.kind if main else "",
                "status": main.status if main else "",
                "label": ", ".join(
                    f"{partnership.get_kind_display()} ({partnership.get_status_display()})"
                    for partnership in place.public_partnerships
                ),
                "url": reverse("portal:city", kwargs={"geonames_id": place.geonames_id}),
            }
        )
    return map_frame(home=home, cities=cities)


def map_frame(*, home, cities: list[dict]) -> dict:
    """The data block of a map: the home city's marker, the cities' markers, the cluster label."""
    home_data = None
    if home is not None and home.latitude is not None:
        home_data = {"name": home.display_name, "lat": home.latitude, "lon": home.longitude}
    return {
        "home": home_data,
        "cities": cities,
        # The script puts the number of cities in place of {count}.
        "cluster_label": _("{count} places close together; press Enter to zoom in"),
    }
