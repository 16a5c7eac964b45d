"""The office's funding pages: a call is created, an application checked, assessed, decided,
paid and closed through the pages; the budget shows per call and per year."""

import datetime
from decimal import Decimal

import pytest

from partnerwerk.grants import services, services_review
from partnerwerk.grants.models import Application, FundingCall, Status
from partnerwerk.grants.tests.helpers import pdf, submitted_application
from partnerwerk.testing import (
    make_applicant_user,
    make_funding_call,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


def test_the_office_creates_a_call_with_weighted_criteria(client):
    office = make_user(role="office")
    sign_in_with_two_factors(client, office)
    response = client.post(
        "/en/office/funding/new/",
        {
            "key": "international-2027",
            "title_de": "Internationale Zusammenarbeit 2027",
            "purpose_de": "Projekte mit Partnern im Ausland.",
            "budget": "50000",
            "opens_on": "2027-01-01",
            "closes_on": "2027-03-31",
            "criteria": "Wirkung | Impact | 3\nPartnerschaft | Partnership | 1",
        },
    )
    assert response.status_code == 302
    call = FundingCall.objects.get(key="international-2027")
    assert [(c.name_en, c.weight) for c in call.criteria.all()] == [
        ("Impact", 3),
        ("Partnership", 1),
    ]


def test_an_application_goes_through_the_office_from_check_to_closing(client):
    office, reviewer = make_user(role="office"), make_user(role="viewer")
    alice = make_applicant_user()
    call = make_funding_call(budget=Decimal("10000.00"))
    application = submitted_application(applicant_user=alice, call=call)
    services.reviewer_appoint(actor=office, call=call, user=reviewer)
    page = f"/en/office/funding/applications/{application.pk}/"

    sign_in_with_two_factors(client, office)
    assert client.post(page, {"action": "check", "check-note": "vollständig"}).status_code == 302
    sign_in_with_two_factors(client, reviewer)
    scores = {f"assess-score_{c.pk}": "4" for c in call.criteria.all()}
    assessed = client.post(page, {"action": "assess", "assess-comment": "Gut.", **scores})
    assert assessed.status_code == 302
    sign_in_with_two_factors(client, office)
    too_much = client.post(
        page, {"action": "decide", "decide-approve": "1", "decide-amount": "4000.01"}
    )
    assert too_much.status_code == 400
    assert "cannot exceed the amount requested" in too_much.content.decode()
    decided = client.post(
        page,
        {
            "action": "decide",
            "decide-approve": "1",
            "decide-amount": "3000",
            "decide-conditions": "Bericht bis 31.12.",
        },
    )
    assert decided.status_code == 302
    today = datetime.date.today().isoformat()
    for _ in range(2):
        paid = client.post(page, {"action": "pay", "pay-amount": "1500", "pay-paid_on": today})
        assert paid.status_code == 302
    services_review.proof_submit(
        actor=alice,
        application=application,
        report="Alles ausgegeben.",
        spent=Decimal("3000"),
        receipts=[("Beleg", pdf())],
    )
    assert client.post(page, {"action": "close", "close-note": ""}).status_code == 302

    assert Application.objects.get(pk=application.pk).status == Status.CLOSED
    overview = client.get("/en/office/funding/").content.decode()
    assert "10,000.00" in overview and "3,000.00" in overview and "7,000.00" in overview
    assert str(datetime.date.today().year) in overview


def test_an_applicant_account_cannot_enter_the_office(client):
    alice = make_applicant_user()
    sign_in_with_two_factors(client, alice)
    assert client.get("/en/office/funding/").status_code == 403


def test_an_office_member_who_is_no_reviewer_does_not_see_an_application(client):
    application = submitted_application(
        applicant_user=make_applicant_user(), call=make_funding_call()
    )
    viewer = make_user(role="viewer")
    sign_in_with_two_factors(client, viewer)
    assert client.get(f"/en/office/funding/applications/{application.pk}/").status_code == 404
    assert client.get("/en/office/funding/new/").status_code == 403


def test_the_office_opens_the_notice_letter_of_a_decision(client):
    office = make_user(role="office")
    application = submitted_application(
        applicant_user=make_applicant_user(), call=make_funding_call()
    )
    services_review.application_decide(
        actor=office, application=application, approve=False, reasons="Nicht förderfähig."
    )
    sign_in_with_two_factors(client, office)
    response = client.get(f"/en/office/funding/applications/{application.pk}/notice-de.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    viewer = make_user(role="viewer")
    sign_in_with_two_factors(client, viewer)
    assert (
        client.get(f"/en/office/funding/applications/{application.pk}/notice-de.pdf").status_code
        == 403
    )


def test_the_office_edits_a_call_and_takes_it_off_the_portal(client):
    office = make_user(role="office")
    call = make_funding_call()
    sign_in_with_two_factors(client, office)
    page = f"/en/office/funding/calls/{call.key}/edit/"
    form = client.get(page)
    assert "Wirkung | Impact | 2" in form.content.decode()
    response = client.post(
        page,
        {
            "key": call.key,
            "title_de": "Neuer Titel",
            "purpose_de": call.purpose_de,
            "budget": "20000",
            "opens_on": call.opens_on.isoformat(),
            "closes_on": call.closes_on.isoformat(),
            "criteria": "Wirkung | Impact | 2\nPartnerschaft | Partnership | 1",
        },
    )
    assert response.status_code == 302
    call.refresh_from_db()
    assert (call.title_de, call.budget, call.is_public) == ("Neuer Titel", Decimal("20000"), False)
