import pytest

from partnerwerk.programmes.models import Programme
from partnerwerk.programmes.services import programme_upsert
from partnerwerk.testing import make_organisation, make_source

pytestmark = pytest.mark.django_db


def _upsert(**overrides):
    values = {
        "key": "kommunales-know-how",
        "name_de": "Kommunales Know-how für Nahost",
        "name_en": "",
        "kind": "federal",
        "description_de": "",
        "description_en": "",
        "operator": None,
        "funder": None,
        "sources": [],
    } | overrides
    return programme_upsert(**values)


def test_an_upsert_creates_a_programme_then_leaves_it_alone_when_nothing_differs():
    programme, state = _upsert()
    assert state == "created"
    assert _upsert()[1] == "unchanged"
    assert Programme.objects.filter(key="kommunales-know-how").count() == 1


def test_an_upsert_changes_the_operator_and_the_sources():
    _upsert()
    engagement = make_organisation(key="engagement-global")
    source = make_source()
    programme, state = _upsert(operator=engagement, sources=[source])
    assert state == "changed"
    assert programme.operator == engagement
    assert list(programme.sources.all()) == [source]


def test_a_changed_programme_keeps_its_earlier_name_in_its_history():
    _upsert()
    programme, _state = _upsert(name_en="Municipal know-how for the Middle East")
    assert [entry.name_en for entry in programme.history.order_by("history_date")] == [
        "",
        "Municipal know-how for the Middle East",
    ]
