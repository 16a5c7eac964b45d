"""The climate partnership's programme skeleton in the reference data (decision 0029): the
fields of action and the cities' strategies the sources name, each with its source, and
nothing the sources do not say."""

import pytest
from django.conf import settings
from django.utils import translation

from partnerwerk.action_programmes.models import (
    Goal,
    Indicator,
    JointProgramme,
    Measure,
    Reading,
    Review,
)
from partnerwerk.exchange.reference.loader import load_reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    return JointProgramme.objects.get(partnership__key="dortmund-kumasi-climate")


def test_the_kumasi_climate_partnership_has_one_current_programme_citing_page_002(programme):
    assert programme.is_current
    assert programme.title_de == "Gemeinsames Handlungsprogramm zu Klimaschutz und Klimaanpassung"
    assert programme.title_en
    assert [source.key for source in programme.sources.all()] == ["seed-002"]


def test_its_fields_of_action_are_climate_protection_and_adaptation_with_sources(programme):
    fields = list(programme.fields.select_related("theme"))
    assert [(field.name_de, field.theme.code) for field in fields] == [
        ("Klimaschutz", "climate-protection"),
        ("Klimaanpassung", "climate-adaptation"),
    ]
    for field in fields:
        assert field.sources.exists()
    assert "Masterplan" in fields[1].description_de


def test_it_links_dortmunds_klima_luft_2030_and_both_cities_master_plans(programme):
    strategies = {s.key: s for s in programme.strategies.select_related("source", "city_strategy")}
    klima_luft = strategies["dortmund-klima-luft-2030"]
    assert (klima_luft.side, klima_luft.city_strategy.key) == ("home", "klima-luft-2030")
    assert klima_luft.title_de == "Handlungsprogramm Klima-Luft-2030"  # as page 001 spells it
    assert strategies["kumasi-climate-adaptation-master-plan"].side == "partner"
    assert {s.source.key for s in strategies.values()} == {"seed-000", "seed-001"}


def test_it_invents_no_goal_measure_indicator_reading_or_review(programme):
    for model in (Goal, Measure, Indicator, Reading, Review):
        assert not model.all_objects.exists(), model


def test_a_second_load_keeps_the_programme_current_and_unchanged(programme):
    again = load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    with translation.override("en"):
        counts = {str(name): counter for name, counter in again.counts.items()}
    assert counts["joint programmes"]["unchanged"] == 1
    assert again.total("changed") == 0
    programme.refresh_from_db()
    assert programme.is_current
