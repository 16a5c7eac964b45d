"""The office lists the city's own partnerships and steps first; the registry's have their
own filter, and a pair both hold appears once, as the office's record."""

import datetime

import pytest

from partnerwerk.partnerships.models import Step
from partnerwerk.testing import make_partnership, make_place, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client):
    user = make_user(role="office")
    sign_in_with_two_factors(client, user)
    return user


@pytest.fixture
def network():
    """Two of the city's own partnerships and, as after the registry import, three registry
    relations: one of them the registry's copy of Dortmund–Kumasi."""
    dortmund = make_place(name="Dortmund")
    kumasi = make_place(name="Kumasi", country="GH")
    amiens = make_place(name="Amiens", country="FR")
    recorded = {"kind": "recorded", "on": datetime.date(2026, 2, 8)}
    signed = {"kind": "agreement_signed", "on": datetime.date(2011, 5, 14)}
    own = [
        make_partnership(home=dortmund, partner=kumasi, kind="climate", steps=[signed]),
        make_partnership(home=dortmund, partner=amiens, steps=[signed]),
    ]
    twin = make_partnership(home=dortmund, partner=kumasi, origin="registry", steps=[recorded])
    registry = [
        make_partnership(
            home=make_place(name="Leuven", country="BE"),
            partner=make_place(name="’s-Hertogenbosch", country="NL"),
            origin="registry",
            steps=[recorded],
        ),
        make_partnership(
            home=make_place(name="Aachen"), partner=kumasi, origin="registry", steps=[recorded]
        ),
    ]
    return own, twin, registry


def _listed(response) -> list:
    return list(response.context["page"].object_list)


def test_the_partnership_list_shows_the_city_s_own_partnerships_by_default(client, office, network):
    own, _twin, _registry = network
    response = client.get("/office/partnerships/")
    assert _listed(response) == sorted(own, key=lambda p: p.partner.name)
    assert "2 Einträge" in response.text
    assert '<option value="curated" selected>eigene</option>' in response.text
    assert '<option value="registry">aus dem Register</option>' in response.text


def test_the_registry_filter_shows_the_registry_without_the_twin_of_an_own_pair(
    client, office, network
):
    _own, twin, registry = network
    response = client.get("/office/partnerships/?origin=registry")
    assert set(_listed(response)) == set(registry)
    assert twin not in _listed(response)
    # Its pages keep the filter.
    assert 'name="origin"' in response.text


def test_a_search_for_kumasi_finds_the_own_partnership_once(client, office, network):
    own, _twin, _registry = network
    listed = _listed(client.get("/office/partnerships/?q=Kumasi"))
    assert listed == [own[0]]
    assert [str(p) for p in listed].count(str(own[0])) == 1


def test_an_odd_origin_shows_the_own_partnerships(client, office, network):
    own, _twin, _registry = network
    assert set(_listed(client.get("/office/partnerships/?origin=%00x"))) == set(own)


def test_the_steps_list_shows_own_steps_with_their_partnership_by_name(client, office, network):
    own, _twin, registry = network
    response = client.get("/office/steps/")
    assert {step.partnership for step in _listed(response)} == set(own)
    assert str(own[0]) in response.text  # the partnership's name, in its own column
    registry_steps = _listed(client.get("/office/steps/?origin=registry"))
    assert {step.partnership for step in registry_steps} == set(registry)
    assert Step.objects.count() == 5


def test_the_steps_list_is_searched_by_partner_name(client, office, network):
    own, _twin, _registry = network
    listed = _listed(client.get("/office/steps/?q=Amiens"))
    assert [step.partnership for step in listed] == [own[1]]


def test_a_step_reads_as_its_date_as_exact_as_known_and_its_kind(client, office, network):
    text = client.get("/office/steps/?q=Amiens").text
    assert "14. Mai 2011: Vereinbarung unterzeichnet" in text
    assert "2011-05-14" not in text
    # Steps are added on their partnership's page, not from the list.
    assert 'href="/office/steps/new/"' not in text


def test_the_registry_list_says_what_it_holds(client, office, network):
    text = client.get("/en/office/partnerships/?origin=registry").text
    assert "without the pairs the office keeps itself" in text
    assert "without the pairs" not in client.get("/en/office/partnerships/").text
