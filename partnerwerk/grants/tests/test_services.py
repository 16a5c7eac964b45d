"""The funding workflow through its services: from the draft to the closing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from partnerwerk.grants import services, services_review
from partnerwerk.grants.models import Application, FundingCall, StateChange, Status
from partnerwerk.grants.tests.helpers import assessed_application, pdf, submitted_application
from partnerwerk.sdg.models import Goal
from partnerwerk.testing import make_applicant_user, make_funding_call, make_partnership, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    # The messages are read in English (German is the default language).
    with translation.override("en"):
        yield


@pytest.fixture
def office():
    return make_user(role="office")


@pytest.fixture
def reviewer():
    return make_user()


def test_an_association_is_funded_from_its_draft_to_the_closing(office, reviewer):
    call = make_funding_call()
    alice = make_applicant_user()
    partnership = make_partnership()
    draft = services.application_create(
        actor=alice,
        call=call,
        project_title="Schulgarten in Kumasi",
        project_description="Ein Garten mit der Partnerschule.",
        partner_country="GH",
        partnership=partnership,
        amount_requested=Decimal("5000.00"),
        sdgs=[Goal.objects.get(number=4)],
    )
    services.application_set_cost_lines(
        actor=alice,
        application=draft,
        lines=[("Saatgut", Decimal("1500.00")), ("Reisen", Decimal("3500.00"))],
    )
    services.attachment_add(actor=alice, application=draft, upload=pdf(), title="Satzung")
    services.application_submit(actor=alice, application=draft, ip_address="10.0.0.1")
    services_review.application_check(actor=office, application=draft, note="vollständig")
    services.reviewer_appoint(actor=office, call=call, user=reviewer)
    scores = {criterion.pk: 5 for criterion in call.criteria.all()}
    assessment = services_review.assessment_record(
        actor=reviewer, application=draft, scores=scores, comment="Überzeugend."
    )
    decision = services_review.application_decide(
        actor=office,
        application=draft,
        approve=True,
        amount=Decimal("4000.00"),
        conditions="Bericht bis Jahresende.",
    )
    services_review.payment_record(
        actor=office, application=draft, amount=Decimal("2000.00"), paid_on=datetime.date.today()
    )
    services_review.payment_record(
        actor=office, application=draft, amount=Decimal("2000.00"), paid_on=datetime.date.today()
    )
    services_review.proof_submit(
        actor=alice,
        application=draft,
        report="Der Garten trägt Früchte.",
        spent=Decimal("4000.00"),
        receipts=[("Rechnung Saatgut", pdf("rechnung.pdf"))],
    )
    services_review.application_close(actor=office, application=draft)

    draft.refresh_from_db()
    decision.refresh_from_db()
    assert draft.status == Status.CLOSED
    assert assessment.weighted_score == 5
    assert decision.paid == Decimal("4000.00")
    assert FundingCall.objects.get(pk=call.pk).committed == Decimal("4000.00")
    assert list(StateChange.objects.filter(application=draft).values_list("to_status", "by")) == [
        ("submitted", alice.pk),
        ("formally_checked", office.pk),
        ("assessed", reviewer.pk),
        ("approved", office.pk),
        ("paid", office.pk),
        ("proof_submitted", alice.pk),
        ("closed", office.pk),
    ]
    assert sorted(draft.attachments.values_list("kind", flat=True)) == ["application", "receipt"]
    assert draft.history.count() >= 7


def test_an_applicant_cannot_touch_another_associations_application():
    call = make_funding_call()
    alice, bob = make_applicant_user(), make_applicant_user()
    application = services.application_create(
        actor=alice, call=call, project_title="Alice", amount_requested=Decimal("100")
    )
    with pytest.raises(PermissionDenied):
        services.application_update(actor=bob, application=application, project_title="Bob")
    with pytest.raises(PermissionDenied):
        services.attachment_add(actor=bob, application=application, upload=pdf(), title="x")
    with pytest.raises(PermissionDenied):
        services.application_submit(actor=bob, application=application, ip_address="10.0.0.2")


def test_a_submitted_application_can_no_longer_be_edited():
    alice = make_applicant_user()
    application = submitted_application(applicant_user=alice, call=make_funding_call())
    with pytest.raises(ValidationError, match="no longer be changed"):
        services.application_update(actor=alice, application=application, project_title="Neu")


def test_a_submission_after_the_close_date_is_refused_with_the_date():
    call = make_funding_call()
    alice = make_applicant_user()
    application = services.application_create(
        actor=alice, call=call, project_title="Spät", amount_requested=Decimal("100")
    )
    services.application_set_cost_lines(
        actor=alice, application=application, lines=[("Druck", Decimal("100"))]
    )
    after = timezone.now() + datetime.timedelta(days=31)
    with pytest.raises(ValidationError) as refused:
        services.application_submit(
            actor=alice, application=application, ip_address="10.0.0.3", at=after
        )
    assert call.closes_on.strftime("%d.%m.%Y") in str(refused.value)
    assert Application.objects.get(pk=application.pk).status == Status.DRAFT


def test_a_submission_on_the_close_date_is_accepted():
    call = make_funding_call(closes_on=datetime.date.today())
    alice = make_applicant_user()
    application = submitted_application(applicant_user=alice, call=call)
    assert application.status == Status.SUBMITTED


def test_a_reviewer_cannot_assess_an_application_of_their_own_association(office):
    call = make_funding_call()
    alice = make_applicant_user()
    colleague = make_applicant_user(applicant=alice.applicant_membership.applicant)
    application = submitted_application(applicant_user=alice, call=call)
    services_review.application_check(actor=office, application=application)
    services.reviewer_appoint(actor=office, call=call, user=colleague)
    scores = {criterion.pk: 5 for criterion in call.criteria.all()}
    with pytest.raises(PermissionDenied, match="own association"):
        services_review.assessment_record(actor=colleague, application=application, scores=scores)


def test_only_an_appointed_reviewer_assesses(office):
    call = make_funding_call()
    application = submitted_application(applicant_user=make_applicant_user(), call=call)
    services_review.application_check(actor=office, application=application)
    scores = {criterion.pk: 3 for criterion in call.criteria.all()}
    with pytest.raises(PermissionDenied):
        services_review.assessment_record(actor=make_user(), application=application, scores=scores)


def test_an_applicant_cannot_check_or_decide_their_own_application():
    alice = make_applicant_user()
    application = submitted_application(applicant_user=alice, call=make_funding_call())
    with pytest.raises(PermissionDenied):
        services_review.application_check(actor=alice, application=application)
    with pytest.raises(PermissionDenied):
        services_review.application_decide(
            actor=alice, application=application, approve=False, reasons="x"
        )


def test_an_approval_above_the_request_or_the_calls_remainder_is_refused(office, reviewer):
    call = make_funding_call(budget=Decimal("5000.00"))
    first = assessed_application(
        applicant_user=make_applicant_user(), office=office, reviewer=reviewer, call=call
    )
    with pytest.raises(ValidationError, match="exceed the amount requested"):
        services_review.application_decide(
            actor=office, application=first, approve=True, amount=Decimal("4000.01")
        )
    services_review.application_decide(
        actor=office, application=first, approve=True, amount=Decimal("4000.00")
    )
    second = assessed_application(
        applicant_user=make_applicant_user(), office=office, reviewer=reviewer, call=call
    )
    with pytest.raises(ValidationError, match="1000.00 EUR left"):
        services_review.application_decide(
            actor=office, application=second, approve=True, amount=Decimal("2000.00")
        )


def test_instalments_never_exceed_the_approved_amount(office, reviewer):
    call = make_funding_call()
    application = assessed_application(
        applicant_user=make_applicant_user(), office=office, reviewer=reviewer, call=call
    )
    services_review.application_decide(
        actor=office, application=application, approve=True, amount=Decimal("3000.00")
    )
    services_review.payment_record(
        actor=office, application=application, amount=Decimal("2500"), paid_on=datetime.date.today()
    )
    with pytest.raises(ValidationError, match="500.00 EUR"):
        services_review.payment_record(
            actor=office,
            application=application,
            amount=Decimal("501"),
            paid_on=datetime.date.today(),
        )


def test_a_rejection_states_its_reasons_and_commits_nothing(office):
    call = make_funding_call()
    application = submitted_application(applicant_user=make_applicant_user(), call=call)
    with pytest.raises(ValidationError):
        services_review.application_decide(actor=office, application=application, approve=False)
    decision = services_review.application_decide(
        actor=office, application=application, approve=False, reasons="Nicht förderfähig."
    )
    assert (decision.amount, FundingCall.objects.get(pk=call.pk).committed) == (0, 0)
    assert Application.objects.get(pk=application.pk).status == Status.REJECTED


def test_an_upload_that_is_not_a_document_is_refused():
    alice = make_applicant_user()
    application = services.application_create(
        actor=alice, call=make_funding_call(), project_title="x", amount_requested=Decimal("1")
    )
    script = SimpleUploadedFile("plan.pdf", b"<script>alert(1)</script>")
    with pytest.raises(ValidationError, match="PDF"):
        services.attachment_add(actor=alice, application=application, upload=script, title="x")


def test_an_upload_above_the_size_limit_is_refused(settings):
    settings.PARTNERWERK_UPLOAD_MAX_MB = 1
    alice = make_applicant_user()
    application = services.application_create(
        actor=alice, call=make_funding_call(), project_title="x", amount_requested=Decimal("1")
    )
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        services.attachment_add(actor=alice, application=application, upload=big, title="x")
    assert not application.attachments.exists()


def test_a_closed_call_takes_no_new_draft():
    call = make_funding_call(
        opens_on=datetime.date(2020, 1, 1), closes_on=datetime.date(2020, 2, 1)
    )
    with pytest.raises(ValidationError):
        services.application_create(
            actor=make_applicant_user(), call=call, project_title="x", amount_requested=Decimal("1")
        )


def test_a_calls_budget_never_drops_below_what_is_approved(office, reviewer):
    call = make_funding_call(budget=Decimal("5000.00"))
    application = assessed_application(
        applicant_user=make_applicant_user(), office=office, reviewer=reviewer, call=call
    )
    services_review.application_decide(
        actor=office, application=application, approve=True, amount=Decimal("3000.00")
    )
    with pytest.raises(ValidationError, match="3000.00 EUR are approved"):
        services.call_update(actor=office, call=call, budget=Decimal("2999.99"))
    with pytest.raises(ValidationError, match="cannot change once a reviewer"):
        services.call_update(actor=office, call=call, criteria=[("Wirkung", "Impact", 1)])
    services.call_update(actor=office, call=call, budget=Decimal("3000.00"), is_public=False)
    call.refresh_from_db()
    assert (call.budget, call.is_public, call.criteria.count()) == (Decimal("3000.00"), False, 2)
