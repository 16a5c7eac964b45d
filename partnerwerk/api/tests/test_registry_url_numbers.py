"""Numbers in the registry API's addresses past what the database can hold: refused as invalid
input, never a server error (moved from registry/tests/test_url_numbers.py)."""

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


@pytest.mark.parametrize("page", [TOO_LARGE, "0", "-1"])
def test_the_api_refuses_a_relation_page_past_the_last_possible_one(client, city, page):
    response = client.get("/api/v1/registry/relations", {"country": "GH", "page": page})

    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["errors"][0]["loc"] == ["query", "page"]


def test_the_api_answers_a_long_question_from_its_cache(client, city):
    # The whole address is part of the cache key; a long one must not break the cache.
    url = f"/api/v1/registry/countries/DE/GH?padding={'x' * 300}"

    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
