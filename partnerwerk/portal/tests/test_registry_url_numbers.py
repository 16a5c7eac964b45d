"""Numbers in the registry pages' addresses past what the database can hold: the pages fall back
to a page that exists, never a server error (the API's half: api/tests)."""

import pytest

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db

TOO_LARGE = "9223372036854775808"  # 2**63: one past the largest 64-bit integer


@pytest.fixture
def city():
    city = make_place(name="Dortmund", country="DE")
    partner = make_place(name="Kumasi", country="GH")
    make_partnership(home=city, partner=partner, origin=PartnershipOrigin.REGISTRY)
    return city


@pytest.mark.parametrize("page", [TOO_LARGE, "-" + TOO_LARGE, "²", "0"])
def test_the_relation_page_shows_a_page_that_exists_for_any_page_number(client, city, page):
    response = client.get("/en/registry/relations/", {"country": "GH", "page": page})

    assert response.status_code == 200
    assert response.context["page"].number == 1
    assert "Kumasi" in response.content.decode()


@pytest.mark.parametrize("after", [TOO_LARGE, "1" * 40, "²"])
def test_a_city_page_after_a_cursor_past_every_id_is_found_or_refused_but_never_fails(
    client, city, after
):
    response = client.get(f"/en/registry/cities/{city.geonames_id}/", {"after": after})

    assert response.status_code in (200, 404)


def test_a_city_page_after_a_cursor_past_every_id_lists_no_partners(client, city):
    response = client.get(f"/en/registry/cities/{city.geonames_id}/", {"after": TOO_LARGE})

    assert response.status_code == 200
    assert response.context["partners"] == []
