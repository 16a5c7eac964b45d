import datetime

import pytest

from partnerwerk.partnerships.models import Partnership, PartnershipOrigin
from partnerwerk.places.models import GeoNamesMatch, Place
from partnerwerk.registry.importer import TWIN_CITIES_SOURCE, RegistryImportError
from partnerwerk.registry.services import twin_cities_import
from partnerwerk.registry.tests.conftest import EXCERPT
from partnerwerk.testing import make_partnership, make_place, make_source

DORTMUND, LEEDS, KUMASI = 2935517, 2644688, 2298890

pytestmark = pytest.mark.django_db


def _registry():
    return Partnership.objects.filter(origin=PartnershipOrigin.REGISTRY)


def _pair(first: int, second: int):
    return _registry().filter(
        home__geonames_id__in=(first, second), partner__geonames_id__in=(first, second)
    )


def test_import_merges_a_relation_given_twice_with_two_country_spellings(imported):
    # "Leeds, England - Dortmund" and "Dortmund - Leeds, England, United Kingdom"
    assert _pair(DORTMUND, LEEDS).count() == 1
    assert imported.rows_merged >= 1


def test_import_matches_cities_to_geonames_and_dortmund_gets_its_known_partners(imported):
    dortmund = Place.objects.get(geonames_id=DORTMUND)
    partners = (
        _registry().filter(home=dortmund).count() + _registry().filter(partner=dortmund).count()
    )
    assert partners == 11
    leeds = Place.objects.get(geonames_id=LEEDS)
    assert (leeds.country, leeds.region, leeds.geonames_match) == ("GB", "England", "name")


def test_import_keeps_two_different_places_of_the_same_name_apart(imported):
    ketterings = Place.objects.filter(name="Kettering")
    assert {place.country.code for place in ketterings} == {"GB", "US"}
    assert _registry().filter(home__name="Kettering", partner__name="Kettering").count() == 1


def test_import_keeps_an_unmatched_city_with_the_file_coordinates(imported):
    place = Place.objects.get(registry_key__contains="bad godesberg")
    assert place.geonames_id is None
    assert place.geonames_match == GeoNamesMatch.UNMATCHED
    assert (place.latitude, place.longitude) == (50.6851, 7.1563)


def test_import_takes_the_country_from_the_city_text_when_the_column_is_empty(imported):
    # Line 76: "Rostock,Germany,...,"Varna, Bulgaria",,..." (the country column is empty)
    line = next(line for line in imported.lines if line["city2"] == "Varna, Bulgaria")
    assert line["place2"] == "geonames:726050"
    assert Place.objects.get(geonames_id=726050).country == "BG"


def test_every_imported_relation_and_place_credits_wikipedia_under_cc_by_sa(imported):
    relations = _registry().exclude(key__startswith="kumasi-")
    assert relations.count() == imported.relations_created
    for relation in relations.prefetch_related("sources"):
        keys = [source.key for source in relation.sources.all()]
        assert keys == [TWIN_CITIES_SOURCE["key"]]
    source = relations.first().sources.get()
    assert source.publisher == "Wikipedia contributors"
    assert "CC BY-SA 4.0" in source.licence
    created = Place.objects.exclude(geonames_match="")
    assert created.exists()
    assert created.filter(sources__key=TWIN_CITIES_SOURCE["key"]).count() == created.count()


def test_imported_relations_are_active_through_a_recorded_step_without_a_start_date(imported):
    relation = _pair(DORTMUND, LEEDS).get()
    step = relation.steps.get()
    assert (step.kind, step.date) == ("recorded", datetime.date(2026, 2, 8))
    assert (relation.status, relation.since) == ("active", None)
    assert relation.history.count() == 1


def test_a_second_import_of_the_same_file_writes_nothing(imported, tmp_path):
    places, relations = Place.objects.count(), Partnership.objects.count()
    again = twin_cities_import(path=EXCERPT)
    assert again.relations_created == 0
    assert sum(again.places_created.values()) == 0
    assert again.relations_existing == imported.relations_created
    assert (Place.objects.count(), Partnership.objects.count()) == (places, relations)


def test_import_never_touches_a_curated_partnership_of_the_same_pair(db, tmp_path):
    dortmund = make_place(geonames_id=DORTMUND, name="Dortmund")
    leeds = make_place(geonames_id=LEEDS, name="Leeds", country="GB")
    curated = make_partnership(
        key="dortmund-leeds", home=dortmund, partner=leeds, sources=[make_source()]
    )
    before = (curated.updated_at, list(curated.sources.values_list("key", flat=True)))
    report = twin_cities_import(path=EXCERPT)
    curated.refresh_from_db()
    assert (curated.updated_at, list(curated.sources.values_list("key", flat=True))) == before
    assert curated.origin == PartnershipOrigin.CURATED
    assert _pair(DORTMUND, LEEDS).count() == 1
    assert report.pairs_also_curated == 1


def test_import_adds_its_source_to_a_registry_relation_it_already_knows(db, tmp_path):
    kumasi = make_place(geonames_id=KUMASI, name="Kumasi", country="GH")
    newark = make_place(geonames_id=5101798, name="Newark", country="US")
    known = make_partnership(
        key="kumasi-newark", home=kumasi, partner=newark, origin=PartnershipOrigin.REGISTRY
    )
    twin_cities_import(path=EXCERPT)
    assert _pair(KUMASI, 5101798).get() == known
    assert known.sources.filter(key=TWIN_CITIES_SOURCE["key"]).exists()


def test_import_does_not_revive_a_relation_the_office_deleted(imported, tmp_path):
    relation = _pair(DORTMUND, LEEDS).get()
    Partnership.objects.filter(pk=relation.pk).update(
        deleted_at=datetime.datetime.now(datetime.UTC)
    )
    again = twin_cities_import(path=EXCERPT)
    assert again.relations_kept_deleted == 1
    assert not _pair(DORTMUND, LEEDS).exists()


def test_import_refuses_a_file_with_other_columns_and_writes_nothing(db, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(RegistryImportError, match="city1, country1, lat1"):
        twin_cities_import(path=path)
    assert not Place.objects.exists()
