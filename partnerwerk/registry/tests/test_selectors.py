import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.registry import selectors
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


def _registry(home, partner, **fields):
    return make_partnership(home=home, partner=partner, origin=PartnershipOrigin.REGISTRY, **fields)


def _queries(function, *args, **kwargs) -> int:
    with CaptureQueriesContext(connection) as captured:
        function(*args, **kwargs)
    return len(captured)


def test_a_city_lists_each_partner_once_whatever_the_number_of_relations_of_the_pair():
    city, partner = make_place(), make_place(country="GH")
    make_partnership(home=city, partner=partner, kind="climate")
    make_partnership(home=city, partner=partner, kind="twinning")
    _registry(partner, city)
    partners = selectors.city_partners(place=city)
    assert [p.place for p in partners] == [partner]
    assert partners[0].kinds == ["climate", "twinning"]
    # The registry's copy of the pair is left out: the office's records speak for it.
    assert partners[0].curated and not partners[0].registry


def test_the_query_count_of_every_answer_does_not_grow_with_the_network():
    def build(size):
        city, other = make_place(), make_place()
        for _ in range(size):
            shared = make_place(country="GH")
            _registry(city, shared)
            _registry(shared, other)
            _registry(shared, make_place(country="FR"))
        return city, other

    counts = []
    for size in (2, 12):
        city, other = build(size)
        counts.append(
            (
                _queries(selectors.city_partners, place=city),
                _queries(selectors.network, place=city),
                _queries(selectors.common_partners, first=city, second=other),
                _queries(selectors.country_pair, first="DE", second="GH"),
                _queries(selectors.most_connected, limit=10),
            )
        )
    assert counts[0] == counts[1] == (2, 3, 1, 1, 2)


def test_a_city_page_takes_relations_by_id_from_both_sides_and_says_where_the_next_begin(
    monkeypatch,
):
    monkeypatch.setattr(selectors, "CITY_RELATION_LIMIT", 4)
    city = make_place()
    relations = []
    for number in range(6):
        other = make_place(country="GH")
        # Alternate sides: the city is home of some relations and partner of the others.
        relations.append(_registry(city, other) if number % 2 else _registry(other, city))
    relations.sort(key=lambda relation: relation.pk)

    def others(chunk):
        return {(r.partner if r.home_id == city.pk else r.home).pk for r in chunk}

    first = selectors.city_partner_page(place=city)
    assert {p.place.pk for p in first["partners"]} == others(relations[:4])
    assert (first["shown"], first["total"], first["next_after"]) == (4, 6, relations[3].pk)
    rest = selectors.city_partner_page(place=city, after=first["next_after"])
    assert {p.place.pk for p in rest["partners"]} == others(relations[4:])
    assert (rest["shown"], rest["total"], rest["next_after"]) == (2, 6, None)


def test_common_partners_are_the_places_linked_to_both_cities():
    first, second, shared, only_first = (make_place() for _ in range(4))
    _registry(first, shared)
    _registry(shared, second)
    _registry(first, only_first)
    common = selectors.common_partners(first=first, second=second)
    assert [item["place"] for item in common] == [shared]


def test_the_network_two_steps_out_says_through_whom_and_leaves_out_the_city_itself():
    city, partner, far = make_place(), make_place(), make_place()
    _registry(city, partner)
    _registry(partner, far)
    found = selectors.network(place=city)
    assert [p.place for p in found["first"]] == [partner]
    assert [(item["place"], item["via"]) for item in found["second"]] == [(far, [partner])]


def test_country_pair_finds_cities_of_one_country_with_partners_in_the_other():
    dortmund, kumasi = make_place(country="DE"), make_place(country="GH")
    _registry(kumasi, dortmund)
    _registry(make_place(country="DE"), make_place(country="FR"))
    found = selectors.country_pair(first="de", second="gh")
    assert [(row["place"], row["partners"]) for row in found] == [(dortmund, [kumasi])]


def test_most_connected_counts_distinct_partners_and_ignores_internal_and_deleted_ones():
    hub = make_place()
    partners = [make_place() for _ in range(3)]
    for partner in partners:
        _registry(hub, partner)
    make_partnership(home=hub, partner=partners[0], kind="climate")
    make_partnership(home=hub, partner=make_place(), visibility="internal")
    top = selectors.most_connected(limit=1)
    assert (top[0]["place"], top[0]["partners"]) == (hub, 3)


def test_relation_search_filters_by_either_country_and_counts_kinds_and_statuses():
    german, ghanaian = make_place(country="DE"), make_place(country="GH")
    _registry(ghanaian, german)
    _registry(make_place(country="FR"), make_place(country="IT"))
    found = selectors.relation_search(country="DE")
    assert found["relations"].count() == 1
    assert found["facets"]["kind"] == [{"value": "twinning", "count": 1, "selected": False}]


def test_a_country_list_counts_from_the_summary_and_follows_changes():
    from partnerwerk.registry import facets
    from partnerwerk.registry.models import RelationFacetCount

    bonn = make_place(name="Bonn", country="DE")
    cape_coast = make_place(name="Cape Coast", country="GH")
    oxford = make_place(name="Oxford", country="GB")
    make_partnership(home=bonn, partner=cape_coast, origin="registry", kind="twinning")
    make_partnership(home=bonn, partner=oxford, origin="registry", kind="friendship")
    facets.rebuild()
    found = selectors.relation_search(country="DE")
    assert found["count"] == 2
    assert {item["value"]: item["count"] for item in found["facets"]["kind"]} == {
        "twinning": 1,
        "friendship": 1,
    }
    assert selectors.relation_search(country="GH")["count"] == 1
    assert selectors.relation_search(country="DE", kind="twinning")["count"] == 1
    # A change empties the summary; the next list rebuilds it and counts the new relation.
    make_partnership(home=oxford, partner=cape_coast, origin="registry", kind="twinning")
    assert not RelationFacetCount.objects.exists()
    assert selectors.relation_search(country="GH")["count"] == 2
    assert selectors.relation_search(country="GH")["relations"].count() == 2
