"""Reminders of deadlines and proofs of use, e-mailed by `partnerwerk grants-remind`."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from partnerwerk.grants import services_review
from partnerwerk.grants.models import Application
from partnerwerk.grants.tests.helpers import assessed_application
from partnerwerk.testing import make_applicant_user, make_funding_call, make_user

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 3, 24)


def _remind(day: datetime.date) -> str:
    out = StringIO()
    call_command(
        "grants_remind", date=day.isoformat(), base_url="https://partner.example", stdout=out
    )
    return out.getvalue()


def test_a_draft_is_reminded_a_week_and_a_day_before_the_call_closes():
    call = make_funding_call(
        opens_on=datetime.date(2027, 1, 1), closes_on=datetime.date(2027, 3, 31)
    )
    alice = make_applicant_user(email="vorstand@verein.example")
    # The call opens in the future, so the draft is made directly, as on the day it was open.
    application = Application.objects.create(
        call=call,
        applicant=alice.applicant_membership.applicant,
        project_title="Schulgarten",
        amount_requested=Decimal("100"),
    )

    sent = {
        day: _remind(day)
        for day in (TODAY, TODAY + datetime.timedelta(days=1), datetime.date(2027, 3, 30))
    }

    assert sent[TODAY].endswith("1 reminder(s) sent\n")
    assert sent[TODAY + datetime.timedelta(days=1)].endswith("0 reminder(s) sent\n")
    assert sent[datetime.date(2027, 3, 30)].endswith("1 reminder(s) sent\n")
    assert [message.to for message in mail.outbox] == [["vorstand@verein.example"]] * 2
    assert (
        mail.outbox[0].subject
        == "Ihr Entwurf ist noch nicht eingereicht: Der Förderaufruf endet am 31. März 2027"
    )
    assert f"https://partner.example/funding/applications/{application.pk}/" in mail.outbox[0].body


def test_a_paid_grant_is_reminded_of_its_proof_of_use_and_a_submitted_one_is_not():
    office = make_user(role="office")
    alice = make_applicant_user()
    application = assessed_application(
        applicant_user=alice, office=office, reviewer=make_user(), call=make_funding_call()
    )
    services_review.application_decide(
        actor=office,
        application=application,
        approve=True,
        amount=Decimal("1000"),
        proof_due_on=TODAY + datetime.timedelta(days=14),
    )
    services_review.payment_record(
        actor=office, application=application, amount=Decimal("1000"), paid_on=TODAY
    )

    assert _remind(TODAY).endswith("1 reminder(s) sent\n")
    assert (
        "proof of use" in mail.outbox[0].body.lower()
        or "Verwendungsnachweis" in mail.outbox[0].body
    )
    services_review.proof_submit(
        actor=alice, application=application, report="Fertig.", spent=Decimal("1000")
    )
    assert _remind(TODAY + datetime.timedelta(days=14)).endswith("0 reminder(s) sent\n")
