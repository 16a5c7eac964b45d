"""The Dortmund reference data set as shipped: what the seed pages and LATER.md say is there."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.core.models import Source
from partnerwerk.documents.models import Document
from partnerwerk.exchange.exporters import export_dataset
from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.partnerships.models import START_KINDS, Partnership, PartnershipOrigin, Step
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import Activity, Project, Transaction
from partnerwerk.sdg.models import SdgTag

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


# The city's overview page (LATER.md, "Founding years") gives the year of each twinning.
FOUNDING_YEARS = {
    3037854: 1960,  # Amiens
    2644688: 1969,  # Leeds
    501175: 1977,  # Rostov-on-Don
    5110629: 1978,  # Buffalo
    294071: 1981,  # Netanya
    3194360: 1982,  # Novi Sad
    2803560: 1988,  # Zwickau
    1790630: 1992,  # Xi'an
    738648: 2014,  # Trabzon
    2298890: 2024,  # Kumasi
    686967: 2025,  # Zhytomyr
}
OVERVIEW = "https://www.dortmund.de/themen/internationales/staedtepartnerschaften/"


def test_every_twinning_starts_in_the_year_the_city_overview_gives_and_cites_it(reference):
    twinnings = Partnership.objects.curated().filter(home__geonames_id=DORTMUND, kind="twinning")
    found = {}
    for twinning in twinnings:
        start = twinning.steps.get(date=twinning.since, kind__in=START_KINDS)
        assert OVERVIEW in {source.url for source in start.sources.all()}, twinning
        found[twinning.partner.geonames_id] = twinning.since.year
    assert found == FOUNDING_YEARS


def test_the_amiens_twinning_was_certified_on_14_may_1960_as_jumelage_eu_says(reference):
    amiens = Partnership.objects.get(partner__geonames_id=3037854)
    assert (amiens.since.isoformat(), amiens.since_precision) == ("1960-05-14", "day")
    step = amiens.steps.get(kind="certificate_signed")
    assert any("jumelage.eu" in source.url for source in step.sources.all())


def test_the_rostov_suspension_is_dated_by_the_2023_report_not_as_an_event(reference):
    rostov = Partnership.objects.get(partner__geonames_id=501175)
    suspension = rostov.steps.get(kind="suspension")
    assert (suspension.date.year, suspension.date_precision) == (2023, "year")
    assert suspension.dated_by_report
    assert [s.key for s in suspension.sources.all()] == ["seed-001"]
    assert not rostov.steps.exclude(kind="suspension").filter(dated_by_report=True).exists()
    assert "45" not in rostov.description_de + rostov.description_en


def test_facts_from_later_md_cite_later_md_or_its_addresses(reference):
    climate = Partnership.objects.get(partner__geonames_id=2298890, kind="climate")
    assert "seed-later" in {s.key for s in climate.steps.get(kind="start").sources.all()}
    decision = Step.objects.get(date="2023-02-09", kind="council_decision")
    assert "seed-later" in {s.key for s in decision.sources.all()}
    for key in ("dortmund-de-staedtepartnerschaften", "jumelage-dortmund"):
        source = Source.objects.get(key=key)
        assert source.url.startswith("https://") and source.title


def test_texts_say_only_what_their_sources_say(reference):
    dura = Partnership.objects.get(partner__geonames_id=284011)
    assert "Hospitanten" in dura.description_en and "doctor" not in dura.description_en
    assert Programme.objects.filter(name_de="Handlungsprogramm Klima-Luft-2030").exists()
    assert not Organisation.objects.filter(short_name="SKEW").exists()
    assert not Involvement.objects.filter(note_de__contains="SKEW").exists()
    assert not Involvement.objects.filter(note_en__contains="SKEW").exists()


def test_goals_no_source_states_are_the_office_classification_and_cite_nothing(reference):
    tags = SdgTag.objects.all()
    assert tags.filter(origin="office").exists() and tags.filter(origin="source").exists()
    assert not tags.filter(origin="office", sources__isnull=False).exists()
    assert not tags.filter(origin="source", sources__isnull=True).exists()
    assert not tags.exclude(origin__in=["office", "source"]).exists()
    climate = Partnership.objects.get(partner__geonames_id=2298890, kind="climate")
    assert climate.sdg_tags.get(goal=13).origin == "office"
    dura = Partnership.objects.get(partner__geonames_id=284011)
    assert {s.key for s in dura.sdg_tags.get(goal=17).sources.all()} == {"seed-003", "seed-004"}


def test_no_public_page_api_or_export_shows_an_office_note(reference, client):
    notes = [
        " ".join(note.split())
        for note in Step.objects.exclude(office_note="").values_list("office_note", flat=True)
    ]
    assert any("angehenden" in note for note in notes)
    assert any("undatiert" in note for note in notes)
    assert not Step.objects.filter(note_de__contains="Seite 0").exists()
    shown = []
    for partner in (2298890, 3037854, 501175, 284011):
        shown.append(client.get(reverse("portal:city", args=[partner])).content.decode())
    for key in Partnership.objects.curated().values_list("key", flat=True):
        shown.append(client.get(reverse("api-v1:partnership_detail", args=[key])).content.decode())
    for file_format in ("json", "csv"):
        stream = io.StringIO()
        export_dataset("partnerships", file_format, stream)
        shown.append(stream.getvalue())
    text = " ".join(" ".join(shown).split())
    for note in notes:
        assert note[:60] not in text
    assert "angehenden" not in text and "undatiert" not in text


def test_the_sources_column_of_the_exports_holds_titles_and_addresses(reference):
    as_csv = io.StringIO()
    export_dataset("partnerships", "csv", as_csv)
    dialect = csv.Sniffer().sniff(as_csv.getvalue().splitlines()[0], delimiters=",;")
    rows = list(csv.DictReader(io.StringIO(as_csv.getvalue()), dialect=dialect))
    column = next(name for name in rows[0] if name in ("sources", "Quellen"))
    cells = " ".join(row[column] for row in rows)
    assert ".txt" not in cells
    assert "Kommunale Projektpartnerschaften wichtig für zukunftsfähiges Dortmund" in cells
    assert f"({OVERVIEW})" in cells


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
