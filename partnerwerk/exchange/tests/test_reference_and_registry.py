"""The reference data and the registry import describe the same registry pairs alike: running
one after the other changes nothing the other wrote (Kumasi–Newark, Kumasi–Wenzhou)."""

import pytest
from django.conf import settings

from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.partnerships.models import Partnership
from partnerwerk.registry.importer import TWIN_CITIES_SOURCE
from partnerwerk.registry.services import twin_cities_import

pytestmark = pytest.mark.django_db

# The two rows of the twin-cities file that name partners of Kumasi the reference data knows.
ROWS = (
    "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
    "Wenzhou,China,27.9938,120.6993,Kumasi,Ghana,6.7,-1.625\n"
    "Newark,United States,40.7357,-74.1724,Kumasi,Ghana,6.7,-1.625\n"
)
PAIRS = ("kumasi-newark-twinning", "kumasi-wenzhou-twinning")


@pytest.fixture
def twin_cities_file(tmp_path):
    path = tmp_path / "twin_cities.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def _sources(key: str) -> set[str]:
    return set(Partnership.objects.get(key=key).sources.values_list("key", flat=True))


def test_loading_the_reference_again_after_a_registry_import_changes_nothing(twin_cities_file):
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    reference_sources = {key: _sources(key) for key in PAIRS}

    imported = twin_cities_import(path=twin_cities_file)
    again = load_reference(settings.PARTNERWERK_REFERENCE_DIR)

    assert imported.relations_created == 0
    assert imported.relations_existing == 2
    assert (again.total("created"), again.total("changed")) == (0, 0), again.lines()
    for key in PAIRS:
        assert _sources(key) >= reference_sources[key] | {TWIN_CITIES_SOURCE["key"]}


def test_a_registry_import_after_the_reference_adds_nothing_the_reference_lacks(
    twin_cities_file,
):
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    before = {key: _sources(key) for key in PAIRS}

    twin_cities_import(path=twin_cities_file)

    assert {key: _sources(key) for key in PAIRS} == before
