"""The Dortmund reference data set as shipped: what the seed pages and LATER.md say is there."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.conf import settings

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.documents.models import Document
from partnerwerk.exchange.exporters import export_dataset
from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.partnerships.models import Partnership, PartnershipOrigin, Step
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import Activity, Project, Transaction

pytestmark = pytest.mark.django_db

DORTMUND = 2935517
# GeoNames id: the kinds of partnership Dortmund has with the place and their statuses.
SEED_PARTNERS = {
    3037854: {"twinning": "active"},  # Amiens (seed 001)
    2644688: {"twinning": "active"},  # Leeds
    2803560: {"twinning": "active"},  # Zwickau
    3194360: {"twinning": "active"},  # Novi Sad
    738648: {"twinning": "active"},  # Trabzon
    5110629: {"twinning": "active"},  # Buffalo
    294071: {"twinning": "active"},  # Netanya
    1790630: {"twinning": "active"},  # Xi'an
    501175: {"twinning": "suspended"},  # Rostov-on-Don (seed 001)
    2298890: {"twinning": "active", "climate": "active", "project": "active"},  # Kumasi
    686967: {"solidarity": "ended", "twinning": "active"},  # Zhytomyr (LATER.md)
    2422442: {"project": "active"},  # Dabola
    284011: {"project": "active"},  # Dura
    200305: {"project": "active"},  # Bondo
    681290: {"project": "active"},  # Cluj-Napoca
    5206379: {"project": "active"},  # Pittsburgh
    6173331: {"project": "active"},  # Vancouver
}


@pytest.fixture
def reference():
    return load_reference(settings.PARTNERWERK_REFERENCE_DIR)


def test_it_holds_each_partner_city_of_the_seeds_with_the_right_kinds_and_statuses(reference):
    found: dict[int, dict[str, str]] = {}
    for partnership in Partnership.objects.curated().filter(home__geonames_id=DORTMUND):
        found.setdefault(partnership.partner.geonames_id, {})[partnership.kind] = partnership.status
    assert found == SEED_PARTNERS


def test_dortmund_has_eleven_twinnings_of_which_one_is_suspended(reference):
    twinnings = Partnership.objects.curated().filter(home__geonames_id=DORTMUND, kind="twinning")
    assert twinnings.count() == 11
    assert list(twinnings.filter(status="suspended").values_list("partner__name", flat=True)) == [
        "Rostov-on-Don"
    ]


def test_the_kumasi_twinning_history_runs_from_the_council_mandate_to_the_signing(reference):
    twinning = Partnership.objects.get(
        home__geonames_id=DORTMUND, partner__geonames_id=2298890, kind="twinning"
    )
    steps = [(s.kind, s.date.isoformat()[:7], s.date_precision) for s in twinning.steps.all()]
    assert steps[0] == ("council_mandate", "2021-12", "month")
    assert ("certificate_signed", "2024-05", "day") in steps
    assert twinning.since.isoformat() == "2024-05-14"


def test_the_climate_partnership_began_in_2011(reference):
    climate = Partnership.objects.get(partner__geonames_id=2298890, kind="climate")
    assert (climate.since.year, climate.since_precision) == (2011, "year")
    assert climate.programmes.filter(name_de__contains="50 Kommunale Klimapartnerschaften")


def test_the_zhytomyr_twinning_grew_out_of_the_solidarity_partnership(reference):
    twinning = Partnership.objects.get(partner__geonames_id=686967, kind="twinning")
    assert twinning.succeeds.kind == "solidarity"
    assert twinning.since.isoformat() == "2025-07-09"
    assert twinning.succeeds.steps.filter(kind="council_decision", date="2023-02-09").exists()


def test_the_older_twinnings_have_no_invented_start_date(reference):
    amiens = Partnership.objects.get(partner__geonames_id=3037854)
    assert amiens.since is None


def test_every_record_cites_a_source(reference):
    for model in (
        Place,
        Organisation,
        Person,
        Programme,
        Partnership,
        Step,
        Project,
        Activity,
        Document,
        Involvement,
        Transaction,
    ):
        uncited = model.objects.filter(sources__isnull=True)
        assert not uncited.exists(), f"{model.__name__} without a source: {list(uncited)[:3]}"


def test_it_holds_the_2011_activities_the_donation_and_the_memorandum(reference):
    bonn = Activity.objects.get(start_date="2011-10-04")
    assert (bonn.end_date.isoformat(), bonn.place.name) == ("2011-10-05", "Bonn")
    assert Activity.objects.filter(start_date__year=2011).count() >= 4
    assert Transaction.objects.filter(amount=Decimal("5000.00"), currency="EUR").exists()
    assert Document.objects.filter(kind="mou", status="in_preparation").exists()


def test_the_office_and_its_contact_are_there(reference):
    office = Organisation.objects.get(address__contains="Betenstraße 19")
    assert "Internationale Beziehungen" in office.name
    contact = Person.objects.get(name="Claudia Schütz")
    assert contact.organisation == office
    assert contact.visibility == "public"


def test_places_are_pinned_by_geonames_with_coordinates_and_population(reference):
    for place in Place.objects.all():
        assert place.geonames_id and place.latitude is not None and place.population


def test_loading_the_reference_data_again_creates_and_changes_nothing(reference):
    again = load_reference(settings.PARTNERWERK_REFERENCE_DIR)
    assert (again.total("created"), again.total("changed")) == (0, 0)


@pytest.mark.parametrize(
    "dataset, count",
    [
        ("places", lambda: Place.objects.count()),
        (
            "partnerships",
            lambda: Partnership.objects.public().filter(origin=PartnershipOrigin.CURATED).count(),
        ),
        ("organisations", lambda: Organisation.objects.count()),
        ("people", lambda: Person.objects.filter(visibility="public").count()),
        ("projects", lambda: Project.objects.public().count()),
        ("activities", lambda: Activity.objects.public().count()),
    ],
)
def test_the_exports_round_trip_the_reference_data_counts(reference, dataset, count):
    as_json, as_csv = io.StringIO(), io.StringIO()
    export_dataset(dataset, "json", as_json)
    export_dataset(dataset, "csv", as_csv)
    rows = json.loads(as_json.getvalue())
    assert len(rows) == count() > 0
    assert len(list(csv.DictReader(io.StringIO(as_csv.getvalue())))) == len(rows)
    keys = {row.get("id") or row.get("key") or row.get("geonames_id") for row in rows}
    assert len(keys) == len(rows)
