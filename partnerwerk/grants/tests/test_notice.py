"""The notice letter of a decision, as a PDF in German or English."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from partnerwerk.grants import services_review
from partnerwerk.grants.notice import notice_pdf
from partnerwerk.grants.tests.helpers import assessed_application, submitted_application
from partnerwerk.testing import make_applicant_user, make_funding_call, make_user

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_an_approval_notice_names_the_amount_and_the_conditions_in_german_and_english():
    office = make_user(role="office")
    call = make_funding_call()
    application = assessed_application(
        applicant_user=make_applicant_user(), office=office, reviewer=make_user(), call=call
    )
    services_review.application_decide(
        actor=office,
        application=application,
        approve=True,
        amount=Decimal("3500.00"),
        conditions="Bericht bis 31.12.2027",
    )
    application.refresh_from_db()
    german = _text(notice_pdf(application=application, language="de"))
    english = _text(notice_pdf(application=application, language="en"))
    assert "3.500,00 EUR" in german and "Bericht bis 31.12.2027" in german
    assert "Bescheid" in german
    assert "3,500.00 EUR" in english and "Notice of decision" in english


def test_a_rejection_notice_gives_the_reasons():
    office = make_user(role="office")
    application = submitted_application(
        applicant_user=make_applicant_user(), call=make_funding_call()
    )
    services_review.application_decide(
        actor=office, application=application, approve=False, reasons="Kein Auslandsbezug."
    )
    application.refresh_from_db()
    assert "Kein Auslandsbezug." in _text(notice_pdf(application=application, language="de"))
