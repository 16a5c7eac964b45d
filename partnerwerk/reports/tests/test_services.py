import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerwerk.reports.models import Report
from partnerwerk.reports.services import report_build_files, report_finalize, report_request
from partnerwerk.reports.tests.world import END, START
from partnerwerk.testing import make_user


def request(actor, **overrides):
    fields = {
        "kind": "annual",
        "period_start": START,
        "period_end": END,
        "language": "de",
    }
    fields.update(overrides)
    return report_request(actor=actor, **fields)


def test_the_office_asks_for_a_report_and_it_keeps_who_and_when(world):
    office = make_user(role="office")
    report = request(office, outlook="  Mehr Besuche.  ")
    assert (report.created_by, report.status, report.outlook) == (office, "draft", "Mehr Besuche.")
    assert report.created_at is not None and report.built_at is None
    assert report.history.first().history_user == office


def test_a_viewer_may_not_make_a_report(world):
    with pytest.raises(PermissionDenied):
        request(make_user(role="viewer"))
    assert not Report.objects.exists()


def test_bad_choices_are_refused_with_their_fields_named(world):
    office = make_user(role="office")
    with pytest.raises(ValidationError) as refused:
        request(
            office,
            kind="fact_sheet",
            language="fr",
            period_end=datetime.date(2023, 12, 31),
        )
    assert set(refused.value.message_dict) == {"language", "period_end", "place"}
    assert not Report.objects.exists()


def test_built_files_are_stored_and_a_final_report_is_never_built_again(world):
    office = make_user(role="office")
    report = report_build_files(report=request(office))
    assert report.pdf.read().startswith(b"%PDF")
    assert report.docx.name.endswith("-de.docx")
    report_finalize(actor=office, report=report)
    report.refresh_from_db()
    with pytest.raises(ValidationError):
        report_build_files(report=report)


def test_a_report_without_files_cannot_be_final(world):
    office = make_user(role="office")
    with pytest.raises(ValidationError):
        report_finalize(actor=office, report=request(office))
