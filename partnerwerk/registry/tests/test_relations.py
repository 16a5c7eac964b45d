"""The registry's network holds a pair the office curates once, as the office's record."""

import pytest

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.registry import facets, selectors
from partnerwerk.registry.relations import network_relations
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairs():
    dortmund = make_place(name="Dortmund", country="DE")
    kumasi = make_place(name="Kumasi", country="GH")
    leeds = make_place(name="Leeds", country="GB")
    climate = make_partnership(home=dortmund, partner=kumasi, kind="climate")
    twin = make_partnership(home=kumasi, partner=dortmund, origin=PartnershipOrigin.REGISTRY)
    own = make_partnership(home=kumasi, partner=leeds, origin=PartnershipOrigin.REGISTRY)
    return {"dortmund": dortmund, "kumasi": kumasi, "climate": climate, "twin": twin, "own": own}


def test_the_network_leaves_out_the_registry_twin_of_a_curated_pair(pairs):
    assert set(network_relations()) == {pairs["climate"], pairs["own"]}


def test_a_city_lists_a_curated_partner_once_as_the_city_s_record(pairs):
    partners = selectors.city_partners(place=pairs["kumasi"])
    dortmund = next(p for p in partners if p.place == pairs["dortmund"])
    assert [p.place.name for p in partners].count("Dortmund") == 1
    assert dortmund.relations == [pairs["climate"]]
    assert dortmund.curated and not dortmund.registry


def test_relation_lists_and_their_counts_leave_out_the_twin(pairs):
    facets.invalidate()
    found = selectors.relation_search(country="GH")
    assert list(found["relations"]) == [pairs["own"]]
    assert found["count"] == 1
    assert list(selectors.relation_search()["relations"]) == [pairs["own"]]
