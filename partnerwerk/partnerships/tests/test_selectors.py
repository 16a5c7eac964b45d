"""Reads of partnerships: a pair the office curates and the registry also holds is one
record, the office's."""

import pytest

from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.selectors import registry_relations, without_registry_twins
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairs():
    dortmund, kumasi, leeds, leuven = (make_place(name=name) for name in ("D", "K", "L", "V"))
    curated = {
        "climate": make_partnership(home=dortmund, partner=kumasi, kind="climate"),
        "twinning": make_partnership(home=dortmund, partner=kumasi, kind="twinning"),
    }
    registry = {
        # The registry's copy of Dortmund–Kumasi, once in each direction of the pair.
        "twin": make_partnership(home=dortmund, partner=kumasi, origin="registry"),
        "reversed twin": make_partnership(home=kumasi, partner=dortmund, origin="registry"),
        "own": make_partnership(home=leeds, partner=leuven, origin="registry"),
    }
    return curated, registry


def test_the_registry_twin_of_a_curated_pair_is_left_out_in_either_direction(pairs):
    curated, registry = pairs
    shown = set(without_registry_twins(Partnership.objects.all()))
    assert shown == {curated["climate"], curated["twinning"], registry["own"]}


def test_every_curated_partnership_of_a_pair_stays(pairs):
    curated, _registry = pairs
    assert set(without_registry_twins(Partnership.objects.curated())) == set(curated.values())


def test_registry_relations_are_the_registry_s_own_pairs_only(pairs):
    _curated, registry = pairs
    assert list(registry_relations()) == [registry["own"]]


def test_a_deleted_curated_partnership_no_longer_hides_its_registry_twin(pairs):
    curated, registry = pairs
    for partnership in curated.values():
        partnership.delete()
    assert set(registry_relations()) == set(registry.values())
