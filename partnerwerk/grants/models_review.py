"""Review of an application: assessments with scores, the decision, instalments, the proof of
use and the log of its steps (decision 0030)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import TimeStampedModel
from partnerwerk.grants.models import MAX_SCORE, MONEY, Application, Criterion, Status


class Assessment(TimeStampedModel):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("application"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    comment = models.TextField(_("comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="assessment_once_per_reviewer"
            )
        ]

    @property
    def weighted_score(self):
        """The weighted mean of the scores, 0 to MAX_SCORE."""
        scores = list(self.scores.all())
        weights = sum(score.criterion.weight for score in scores)
        if not weights:
            return None
        return sum(score.score * score.criterion.weight for score in scores) / weights


class Score(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assessment")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    score = models.PositiveSmallIntegerField(_("score"))

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="score_once"),
            models.CheckConstraint(condition=Q(score__lte=MAX_SCORE), name="score_within_scale"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class Decision(TimeStampedModel):
    """Approval with an amount and conditions, or rejection with reasons. The requested amount
    is copied so the database can hold the approved one to it."""

    application = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        related_name="decision",
        verbose_name=_("application"),
    )
    approved = models.BooleanField(_("approved"))
    amount = models.DecimalField(_("approved amount in euros"), default=0, **MONEY)
    proof_due_on = models.DateField(
        _("proof of use due on"),
        null=True,
        blank=True,
        help_text=_("The association is reminded two weeks before and on the day."),
    )
    amount_requested = models.DecimalField(_("amount requested in euros"), **MONEY)
    paid = models.DecimalField(_("paid in euros"), default=0, editable=False, **MONEY)
    conditions = models.TextField(_("conditions"), blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0, amount__lte=F("amount_requested")),
                name="decision_amount_within_request",
            ),
            models.CheckConstraint(
                condition=Q(approved=True) | Q(amount=0), name="decision_rejection_grants_nothing"
            ),
            models.CheckConstraint(
                condition=Q(paid__gte=0, paid__lte=F("amount")),
                name="decision_paid_within_amount",
            ),
        ]


class Payment(TimeStampedModel):
    """One instalment of an approved grant."""

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="payments", verbose_name=_("decision")
    )
    amount = models.DecimalField(_("amount in euros"), **MONEY)
    paid_on = models.DateField(_("paid on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="payment_positive")]


class ProofOfUse(TimeStampedModel):
    """The Verwendungsnachweis: a short report; its receipts are attachments of kind receipt."""

    application = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        related_name="proof_of_use",
        verbose_name=_("application"),
    )
    report = models.TextField(_("report"))
    spent = models.DecimalField(_("spent in euros"), **MONEY)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proof of use")
        verbose_name_plural = _("proofs of use")
        constraints = [
            models.CheckConstraint(condition=Q(spent__gte=0), name="proof_spent_not_negative")
        ]


class StateChange(models.Model):
    """One step of an application's way: from which status to which, who and when."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="state_changes",
        verbose_name=_("application"),
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
