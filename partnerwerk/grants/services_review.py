"""Writes after submission: formal check, assessment, decision, payments, proof of use and
closing (decision 0030). Each step moves the application's status and is logged."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from partnerwerk.grants.models import (
    MAX_SCORE,
    Application,
    Assessment,
    AttachmentKind,
    Decision,
    FundingCall,
    Payment,
    ProofOfUse,
    Score,
    Status,
)
from partnerwerk.grants.permissions import has_conflict, is_member_of, may_review
from partnerwerk.grants.services import _attach, _require_staff, log_step


def _locked(application: Application) -> Application:
    """The application's row, locked until the transaction ends, so two steps never race."""
    return Application.objects.select_for_update().select_related("call").get(pk=application.pk)


def _require_status(application: Application, *allowed: str) -> None:
    if application.status not in allowed:
        raise ValidationError(
            _("This step is not possible while the application is %(status)s.")
            % {"status": application.get_status_display()}
        )


@transaction.atomic
def application_check(*, actor, application: Application, note: str = "") -> Application:
    """The formal check passed: complete and eligible."""
    _require_staff(actor)
    application = _locked(application)
    _require_status(application, Status.SUBMITTED)
    log_step(application=application, to_status=Status.FORMALLY_CHECKED, actor=actor, note=note)
    return application


@transaction.atomic
def assessment_record(
    *, actor, application: Application, scores: dict[int, int], comment: str = ""
) -> Assessment:
    """A reviewer's scores (criterion id → 0..5) for every criterion of the call. The first
    assessment moves the application to assessed; others may follow until the decision."""
    if has_conflict(actor, application):
        raise PermissionDenied(_("You may not assess an application of your own association."))
    if not may_review(actor, application):
        raise PermissionDenied(_("Only a reviewer appointed for this call may assess."))
    application = _locked(application)
    _require_status(application, Status.FORMALLY_CHECKED, Status.ASSESSED)
    criteria = {criterion.pk: criterion for criterion in application.call.criteria.all()}
    if set(scores) != set(criteria):
        raise ValidationError(_("Score every criterion of the call."))
    if any(not 0 <= value <= MAX_SCORE for value in scores.values()):
        raise ValidationError(_("A score is a whole number from 0 to 5."))
    assessment, _created = Assessment.objects.update_or_create(
        application=application, reviewer=actor, defaults={"comment": comment}
    )
    for criterion_id, value in scores.items():
        Score.objects.update_or_create(
            assessment=assessment, criterion=criteria[criterion_id], defaults={"score": value}
        )
    if application.status == Status.FORMALLY_CHECKED:
        log_step(application=application, to_status=Status.ASSESSED, actor=actor)
    return assessment


@transaction.atomic
def application_decide(
    *,
    actor,
    application: Application,
    approve: bool,
    amount: Decimal = Decimal(0),
    conditions: str = "",
    reasons: str = "",
    proof_due_on: date | None = None,
) -> Decision:
    """Approve with an amount (within the request and what the call has left) and conditions,
    or reject with reasons. The call's row is locked first: two decisions at once are taken
    one after the other, and the second sees what the first committed."""
    _require_staff(actor)
    call = FundingCall.objects.select_for_update().get(pk=application.call_id)
    application = _locked(application)
    if approve:
        _require_status(application, Status.ASSESSED)
        if amount <= 0:
            raise ValidationError({"amount": _("An approval grants an amount above zero.")})
        if amount > application.amount_requested:
            raise ValidationError(
                {"amount": _("The approved amount cannot exceed the amount requested.")}
            )
        if amount > call.budget - call.committed:
            raise ValidationError(
                {
                    "amount": _("The call has only %(left)s EUR left.")
                    % {"left": call.budget - call.committed}
                }
            )
    else:
        _require_status(application, Status.SUBMITTED, Status.FORMALLY_CHECKED, Status.ASSESSED)
        if not reasons.strip():
            raise ValidationError({"reasons": _("A rejection states its reasons.")})
        amount = Decimal(0)
    decision = Decision.objects.create(
        application=application,
        approved=approve,
        amount=amount,
        amount_requested=application.amount_requested,
        conditions=conditions,
        reasons=reasons,
        proof_due_on=proof_due_on if approve else None,
        decided_by=actor,
    )
    if approve:
        # The database holds committed within the budget as well (call_committed_within_budget).
        FundingCall.objects.filter(pk=call.pk).update(committed=F("committed") + amount)
    log_step(
        application=application,
        to_status=Status.APPROVED if approve else Status.REJECTED,
        actor=actor,
        note=conditions if approve else reasons,
    )
    return decision


@transaction.atomic
def payment_record(*, actor, application: Application, amount: Decimal, paid_on: date) -> Payment:
    """One instalment; all instalments together stay within the approved amount."""
    _require_staff(actor)
    application = _locked(application)
    _require_status(application, Status.APPROVED, Status.PAID)
    decision = Decision.objects.select_for_update().get(application=application)
    if amount <= 0:
        raise ValidationError({"amount": _("An instalment is above zero.")})
    if decision.paid + amount > decision.amount:
        raise ValidationError(
            {
                "amount": _("Only %(left)s EUR of the approved amount are left to pay.")
                % {"left": decision.amount - decision.paid}
            }
        )
    payment = Payment.objects.create(
        decision=decision, amount=amount, paid_on=paid_on, recorded_by=actor
    )
    Decision.objects.filter(pk=decision.pk).update(paid=F("paid") + amount)
    if application.status == Status.APPROVED:
        log_step(application=application, to_status=Status.PAID, actor=actor)
    return payment


@transaction.atomic
def proof_submit(
    *,
    actor,
    application: Application,
    report: str,
    spent: Decimal,
    receipts: list[tuple[str, File]] = (),
) -> ProofOfUse:
    """The association's proof of use: a short report, what it spent and its receipts."""
    if not is_member_of(actor, application):
        raise PermissionDenied
    application = _locked(application)
    _require_status(application, Status.PAID)
    if not report.strip():
        raise ValidationError({"report": _("Write a short report on the project.")})
    proof = ProofOfUse(application=application, report=report, spent=spent)
    proof.full_clean()
    proof.save()
    for title, upload in receipts:
        _attach(
            actor=actor,
            application=application,
            upload=upload,
            title=title,
            kind=AttachmentKind.RECEIPT,
        )
    log_step(application=application, to_status=Status.PROOF_SUBMITTED, actor=actor)
    return proof


@transaction.atomic
def application_close(*, actor, application: Application, note: str = "") -> Application:
    """The office accepted the proof of use: the grant is closed."""
    _require_staff(actor)
    application = _locked(application)
    _require_status(application, Status.PROOF_SUBMITTED)
    log_step(application=application, to_status=Status.CLOSED, actor=actor, note=note)
    return application
