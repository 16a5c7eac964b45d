import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from lxml import etree

from partnerwerk.actors.models import Organisation
from partnerwerk.core.services import record_soft_delete
from partnerwerk.exchange.iati.reader import import_iati
from partnerwerk.exchange.iati.schema import schema_errors
from partnerwerk.exchange.iati.writer import export_activities, export_organisation
from partnerwerk.exchange.tables import ImportFailure
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.projects.models import (
    IndicatorPeriod,
    Project,
    ProjectParticipant,
    Result,
    ResultIndicator,
    Transaction,
)
from partnerwerk.sdg.models import SdgTag
from partnerwerk.testing import (
    make_active_partnership,
    make_budget,
    make_involvement,
    make_organisation,
    make_place,
    make_project,
    make_theme,
    make_transaction,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, whatever the default language."""
    with translation.override("en"):
        yield


def rich_project():
    """A project with every part an IATI activity can carry."""
    kumasi = make_place(geonames_id=2298890, **city_facts(2298890))
    project = make_project(
        key="kumasi-climate",
        title_de="Klimaanpassung",
        title_en="Climate adaptation",
        summary_de="Beide Städte erarbeiten Konzepte.",
        summary_en="Both cities draw up concepts.",
        status="ongoing",
        start_date=datetime.date(2021, 3, 1),
        start_precision="month",
        partnerships=[make_active_partnership(partner=kumasi)],
        themes=[
            make_theme(
                code="climate-adaptation", name_de="Klimaanpassung", name_en="Climate adaptation"
            )
        ],
        sdgs=[13],
    )
    SdgTag.objects.create(project=project, goal_id=11, target_id="11.b")
    bmz = make_organisation(
        key="bmz", name="Bundesministerium", kind="funder", iati_identifier="XM-DAC-5-7"
    )
    office = make_organisation(key="buero", name="Büro für Internationale Beziehungen")
    ProjectParticipant.objects.create(project=project, organisation=bmz, role="funding")
    make_involvement(project=project, organisation=office, role="lead")
    make_budget(project=project, amount=Decimal("20000.00"), status="committed")
    make_transaction(
        project=project,
        key="grant-2021",
        kind="incoming_funds",
        amount=Decimal("15000.00"),
        date=datetime.date(2021, 5, 3),
        date_precision="day",
        provider=bmz,
        description_de="Zuwendung",
    )
    make_transaction(
        project=project,
        key="cedi-expenses",
        kind="expenditure",
        amount=Decimal("3000.00"),
        currency="GHS",
        amount_eur=Decimal("250.00"),
        value_date=datetime.date(2021, 7, 1),
        date=datetime.date(2021, 6, 30),
        date_precision="day",
    )
    make_transaction(
        project=project,
        key="truck",
        kind="in_kind",
        amount=Decimal("40000.00"),
        date=datetime.date(2022, 1, 1),
        date_precision="year",
        description_de="Ein Müllfahrzeug",
    )
    result = Result.objects.create(
        project=project, kind="outcome", title_de="Konzept beschlossen", title_en="Concept adopted"
    )
    indicator = ResultIndicator.objects.create(
        result=result,
        title_de="Beschlossene Konzepte",
        measure="unit",
        baseline_year=2020,
        baseline_value=Decimal("0"),
    )
    IndicatorPeriod.objects.create(
        indicator=indicator,
        period_start=datetime.date(2021, 1, 1),
        period_end=datetime.date(2021, 12, 31),
        target_value=Decimal("2"),
        actual_value=Decimal("1"),
    )
    return project


def empty_the_database():
    for model in (IndicatorPeriod, ResultIndicator, Result, Transaction, ProjectParticipant):
        model.all_objects.all().delete()
    Project.all_objects.all().delete()
    Partnership.all_objects.all().delete()
    Organisation.all_objects.all().delete()
    Theme.objects.all().delete()
    Place.objects.all().delete()
    assert not Project.all_objects.exists() and not Place.objects.exists()


def canonical(document: etree._Element) -> bytes:
    """The file without its generation time, for comparing two exports."""
    document.attrib.pop("generated-datetime", None)
    return etree.tostring(document, method="c14n")


def test_the_activity_file_validates_against_the_iati_2_03_schema():
    rich_project()

    export = export_activities()

    assert export.activities == 1
    assert schema_errors(export.document) == []


def test_the_organisation_file_validates_against_the_iati_2_03_schema():
    rich_project()

    export = export_organisation()

    assert schema_errors(export.document) == []
    assert export.document.findtext("iati-organisation/organisation-identifier").startswith("ZZ-")
    assert export.document.find("iati-organisation/total-budget/value").text == "20000.00"


def test_the_organisation_file_leaves_out_the_budgets_of_a_deleted_project():
    make_budget(project=make_project(key="kept"), amount=Decimal("1000.00"))
    deleted = make_project(key="deleted")
    make_budget(project=deleted, amount=Decimal("500.00"))
    record_soft_delete(actor=None, record=deleted)

    export = export_organisation()

    assert [value.text for value in export.document.iter("value")] == ["1000.00"]


def test_the_activity_carries_sectors_tags_roles_money_places_and_results():
    rich_project()

    activity = export_activities().document.find("iati-activity")

    assert activity.find("title/narrative").text == "Klimaanpassung"
    assert activity.find("activity-date").get("type") == "2"
    roles = {
        (org.findtext("narrative"), org.get("role"))
        for org in activity.findall("participating-org")
    }
    assert roles == {("Bundesministerium", "1"), ("Büro für Internationale Beziehungen", "2")}
    assert [(s.get("vocabulary"), s.get("code")) for s in activity.findall("sector")] == [
        ("1", "41010"),
        ("99", "climate-adaptation"),
    ]
    assert [(t.get("vocabulary"), t.get("code")) for t in activity.findall("tag")] == [
        ("2", "11"),
        ("2", "13"),
        ("3", "11.b"),
    ]
    assert activity.find("location/location-id").get("code") == "2298890"
    assert activity.find("budget/value").text == "20000.00"
    assert {
        t.get("ref"): t.findtext("transaction-type/..//value")
        for t in activity.findall("transaction")
    } == {"cedi-expenses": "3000.00", "grant-2021": "15000.00", "truck": "40000.00"}
    assert activity.find("result/indicator/period/actual").get("value") == "1"


def test_it_leaves_out_a_project_without_a_date_and_says_why():
    make_project(key="undated", summary_de="Etwas", start_date=None)

    export = export_activities()

    assert export.activities == 0
    assert export.left_out == ["undated: left out because it has no start or end date."]


def test_export_import_into_an_empty_database_and_export_again_gives_the_same_activities():
    rich_project()
    first = export_activities()
    data = first.to_bytes()
    empty_the_database()

    plan = import_iati(data, "activities.xml")
    second = export_activities()

    assert [outcome.state for outcome in plan.outcomes] == ["created"]
    assert canonical(etree.fromstring(second.to_bytes())) == canonical(etree.fromstring(data))


def test_importing_the_same_file_twice_changes_nothing():
    rich_project()
    data = export_activities().to_bytes()
    first = import_iati(data, "activities.xml")

    second = import_iati(data, "activities.xml")

    # The first import records what the export derived: the roles the involvements imply
    # and the goal of a target tag.
    assert first.outcomes[0].changed == ["participants", "sdgs"]
    assert [outcome.state for outcome in second.outcomes] == ["unchanged"]


def test_a_dry_run_writes_nothing():
    rich_project()
    data = export_activities().to_bytes()
    Project.objects.filter(key="kumasi-climate").update(title_de="Anders")

    plan = import_iati(data, "activities.xml", dry_run=True)

    assert plan.outcomes[0].state == "changed"
    assert Project.objects.get(key="kumasi-climate").title_de == "Anders"


def test_it_refuses_an_entity_expansion_attack_and_writes_nothing():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<iati-activities version="2.03"><iati-activity>&lol2;</iati-activity></iati-activities>'
    )

    with pytest.raises(ImportFailure, match="bomb.xml: .*DTD or entities"):
        import_iati(bomb, "bomb.xml")
    assert not Project.objects.exists()


def test_it_refuses_malformed_xml_naming_the_line():
    with pytest.raises(ImportFailure, match=r"broken.xml, row 2: .*well-formed"):
        import_iati(b'<iati-activities version="2.03">\n<iati-activity>', "broken.xml")


def test_it_refuses_a_file_that_does_not_validate():
    with pytest.raises(ImportFailure, match="schema"):
        import_iati(b'<iati-activities version="2.03"><iati-activity/></iati-activities>', "x.xml")


def test_the_export_command_writes_a_valid_file_and_reports_it(tmp_path):
    rich_project()
    output = tmp_path / "iati.xml"
    stderr = io.StringIO()

    call_command("export", "iati", "--output", str(output), stderr=stderr)

    assert schema_errors(output.read_bytes()) == []
    assert "1 activity written" in stderr.getvalue()


def test_the_import_command_reads_an_iati_file(tmp_path):
    rich_project()
    output = tmp_path / "iati.xml"
    call_command("export", "iati", "--output", str(output), stderr=io.StringIO())
    stdout = io.StringIO()

    call_command("import", "iati", str(output), stdout=io.StringIO())
    call_command("import", "iati", str(output), stdout=stdout)

    assert "0 created, 0 changed, 1 unchanged" in stdout.getvalue()


def test_the_import_command_refuses_a_bad_file_with_a_clear_message(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(b"not xml at all")

    with pytest.raises(CommandError, match="Nothing was imported. bad.xml"):
        call_command("import", "iati", str(path), stdout=io.StringIO())
