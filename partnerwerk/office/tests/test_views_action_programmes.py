"""The office's pages of a joint programme (decision 0029): the overview, the measure's page
with its two sides and comment thread, readings, progress, history and the PDF, for the
office, a counterpart of the partnership, a counterpart of another and a viewer."""

import datetime
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from partnerwerk.action_programmes.models import Measure, MeasureComment, Reading
from partnerwerk.office.forms_programmes import MeasureForm
from partnerwerk.office.tests.helpers import form_data
from partnerwerk.partnerships.models import PartnershipKind
from partnerwerk.testing import (
    make_field_of_action,
    make_indicator,
    make_joint_programme,
    make_measure,
    make_organisation,
    make_partnership,
    make_place,
    make_programme_goal,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    dortmund, kumasi = make_place(name="Dortmund"), make_place(name="Kumasi", country="GH")
    partnership = make_partnership(home=dortmund, partner=kumasi, kind=PartnershipKind.CLIMATE)
    programme = make_joint_programme(
        partnership=partnership,
        title_de="Gemeinsames Handlungsprogramm",
        title_en="Joint programme of action",
    )
    field = make_field_of_action(
        programme=programme, name_de="Klimaanpassung", name_en="Climate adaptation"
    )
    goal = make_programme_goal(
        field_of_action=field, title_de="", title_en="Shade for school yards"
    )
    umweltamt = make_organisation(name="Umweltamt", place=dortmund)
    assembly = make_organisation(name="Kumasi Metropolitan Assembly", place=kumasi)
    make_measure(
        goal=goal,
        title_de="Schulhöfe begrünen",
        title_en="Green school yards",
        home_organisation=umweltamt,
        home_tasks_de="Erfahrungen aus Dortmund teilen",
        status="in_progress",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    make_indicator(goal=goal, title_de="Gepflanzte Bäume", title_en="Trees planted")
    programme.assembly = assembly
    return programme


def _counterpart(programme):
    return make_user(role="counterpart", partnership=programme.partnership)


def test_office_staff_read_the_whole_programme_with_its_links(client, programme):
    sign_in_with_two_factors(client, make_user(role="office"))
    page = client.get(f"/office/action-programmes/{programme.pk}/").content.decode()
    assert "Gemeinsames Handlungsprogramm" in page
    assert "Klimaanpassung" in page
    assert "Schulhöfe begrünen" in page
    assert "Gepflanzte Bäume" in page
    # Only in English: marked on the German page.
    assert 'lang="en">Shade for school yards</span> <span class="fallback-mark">' in page
    assert "/office/programme-measures/new/?goal=" in page


def test_a_counterpart_reads_the_programme_in_english_without_the_offices_links(client, programme):
    sign_in_with_two_factors(client, _counterpart(programme))
    page = client.get(f"/en/office/action-programmes/{programme.pk}/").content.decode()
    assert "Joint programme of action" in page
    assert "Green school yards" in page
    # Only in German: marked on the English page.
    assert 'lang="de"><p>Erfahrungen aus Dortmund teilen</p></div>' in page
    assert "(German only)" in page
    assert "/programme-measures/new/" not in page
    assert "Edit and discuss the measure" in page


def test_a_counterpart_of_another_partnership_finds_nothing(client, programme):
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=make_partnership()))
    measure = Measure.objects.get()
    assert client.get(f"/office/action-programmes/{programme.pk}/").status_code == 404
    assert client.get(f"/office/programme-measures/{measure.pk}/").status_code == 404
    assert client.get(f"/office/action-programmes/{programme.pk}/pdf/en/").status_code == 404
    listing = client.get("/office/action-programmes/").content.decode()
    assert "Gemeinsames Handlungsprogramm" not in listing


def test_a_viewer_reads_but_the_measure_form_is_read_only(client, programme):
    sign_in_with_two_factors(client, make_user(role="viewer"))
    measure = Measure.objects.get()
    page = client.get(f"/office/programme-measures/{measure.pk}/").content.decode()
    assert "You may read this record but not change it." in page or "nicht ändern" in page
    response = client.post(f"/office/programme-measures/{measure.pk}/", {"title_de": "X"})
    assert response.status_code == 403


def test_a_counterpart_saves_the_partner_side_and_cannot_change_the_home_side(client, programme):
    counterpart = _counterpart(programme)
    sign_in_with_two_factors(client, counterpart)
    measure = Measure.objects.get()
    data = form_data(MeasureForm(instance=measure, user=counterpart))
    data.update(
        partner_organisation=str(programme.assembly.pk),
        partner_tasks_en="Select ten school yards",
        home_tasks_de="Überschrieben",  # a disabled field: the form keeps what it was
    )
    response = client.post(f"/en/office/programme-measures/{measure.pk}/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    measure.refresh_from_db()
    assert measure.partner_tasks_en == "Select ten school yards"
    assert measure.partner_organisation == programme.assembly
    assert measure.home_tasks_de == "Erfahrungen aus Dortmund teilen"
    assert measure.history.first().history_user == counterpart


def test_a_counterpart_comments_on_a_measure_and_the_thread_shows_it(client, programme):
    counterpart = _counterpart(programme)
    sign_in_with_two_factors(client, counterpart)
    measure = Measure.objects.get()
    response = client.post(
        "/en/office/programme-comments/new/",
        {"subject_measure": measure.pk, "text": "The seedlings are ordered."},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/office/programme-measures/{measure.pk}/#comments")
    comment = MeasureComment.objects.get()
    assert (comment.author, comment.language) == (counterpart, "en")
    sign_in_with_two_factors(client, make_user(role="office"))
    page = client.get(f"/office/programme-measures/{measure.pk}/").content.decode()
    assert "The seedlings are ordered." in page
    assert 'lang="en"' in page


def test_a_counterpart_enters_a_reading_and_the_overview_shows_the_progress(client, programme):
    sign_in_with_two_factors(client, _counterpart(programme))
    indicator = programme.fields.get().goals.get().indicators.get()
    response = client.post(
        f"/en/office/programme-readings/new/?indicator={indicator.pk}",
        {"value": "40", "measured_on": "2025-03-01", "evidence_en": "Count in the parks"},
    )
    assert response.status_code == 302
    assert Reading.objects.get().value == Decimal("40")
    page = client.get(f"/en/office/action-programmes/{programme.pk}/").content.decode()
    assert "40 % of the way from the baseline to the target" in page


def test_the_progress_page_shows_measures_by_status_late_ones_and_charts(client, programme):
    indicator = programme.fields.get().goals.get().indicators.get()
    Reading.objects.create(
        indicator=indicator,
        value=Decimal(25),
        measured_on=datetime.date(2025, 1, 1),
        evidence_de="Zählung",
    )
    sign_in_with_two_factors(client, make_user(role="office"))
    page = client.get(f"/en/office/action-programmes/{programme.pk}/progress/").content.decode()
    assert "Late measures" in page
    assert "Green school yards" in page.split('id="late-heading"')[1].split("</section>")[0]
    assert "<svg" in page and "<polyline" in page
    assert "25 % of the way from the baseline to the target" in page


def test_office_staff_read_a_measures_history_with_the_counterparts_change(client, programme):
    from partnerwerk.action_programmes.services_measures import measure_update

    counterpart = _counterpart(programme)
    measure = Measure.objects.get()
    measure_update(actor=counterpart, measure=measure, partner_tasks_en="Plant trees")
    sign_in_with_two_factors(client, make_user(role="office"))
    page = client.get(f"/en/office/programme-measures/{measure.pk}/history/").content.decode()
    assert counterpart.username in page
    assert "Plant trees" in page


def _pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


@pytest.mark.parametrize(
    "language, expected, absent",
    [
        ("de", ["Gemeinsames Handlungsprogramm", "Handlungsfeld: Klimaanpassung"], "Field of"),
        (
            "en",
            ["Joint programme of action", "Field of action: Climate adaptation"],
            "Handlungsfeld",
        ),
    ],
)
def test_the_pdf_holds_the_whole_programme_in_the_chosen_language(
    client, programme, language, expected, absent
):
    sign_in_with_two_factors(client, _counterpart(programme))
    response = client.get(f"/office/action-programmes/{programme.pk}/pdf/{language}/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    for phrase in expected:
        assert phrase in text
    assert absent not in text


def test_only_german_and_english_pdfs_exist(client, programme):
    sign_in_with_two_factors(client, make_user(role="office"))
    assert client.get(f"/office/action-programmes/{programme.pk}/pdf/fr/").status_code == 404


def test_office_staff_start_a_new_current_programme_for_a_partnership(client, programme):
    sign_in_with_two_factors(client, make_user(role="office"))
    partnership = programme.partnership
    response = client.post(
        f"/office/joint-programmes/new/?partnership={partnership.pk}",
        {"title_de": "Handlungsprogramm 2030", "is_current": "on", "visibility": "internal"},
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.is_current is False
    assert partnership.joint_programmes.get(is_current=True).title_de == "Handlungsprogramm 2030"


def test_a_counterpart_cannot_start_a_programme(client, programme):
    sign_in_with_two_factors(client, _counterpart(programme))
    response = client.get(f"/office/joint-programmes/new/?partnership={programme.partnership.pk}")
    assert response.status_code == 403


def _grow(programme, count: int) -> None:
    """`count` more goals, each with a measure and an indicator with two readings."""
    field = programme.fields.get()
    for number in range(count):
        goal = make_programme_goal(field_of_action=field, title_de=f"Ziel {number}")
        make_measure(goal=goal, title_de=f"Maßnahme {number}")
        indicator = make_indicator(goal=goal, title_de=f"Indikator {number}")
        for day in (datetime.date(2025, 1, 1), datetime.date(2025, 6, 1)):
            Reading.objects.create(
                indicator=indicator, value=Decimal(number), measured_on=day, evidence_de="x"
            )


@pytest.mark.parametrize("role", ["office", "counterpart", "department_editor"])
def test_the_overview_and_progress_need_as_many_queries_for_many_measures_as_for_one(
    client, programme, role
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partnerwerk.testing import make_involvement

    organisation = make_organisation()
    make_involvement(organisation=organisation, partnership=programme.partnership)
    scopes = {
        "office": {},
        "counterpart": {"partnership": programme.partnership},
        "department_editor": {"organisation": organisation},
    }
    sign_in_with_two_factors(client, make_user(role=role, **scopes[role]))
    client.get(f"/office/action-programmes/{programme.pk}/")  # sessions, caches warmed
    counts = []
    for grow in (0, 6):
        _grow(programme, grow)
        for path in ("", "progress/"):
            with CaptureQueriesContext(connection) as queries:
                assert (
                    client.get(f"/office/action-programmes/{programme.pk}/{path}").status_code
                    == 200
                )
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
