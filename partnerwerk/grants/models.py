"""Funding of local associations (issue 17, decision 0030): calls, applicants, applications
and their review, decision, payments and proof of use. Amounts are euros (Decimal)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import TimeStampedModel, localized

MONEY = {"max_digits": 12, "decimal_places": 2}
MAX_SCORE = 5  # a criterion is scored from 0 to 5


class FundingCall(TimeStampedModel):
    """A call for applications with its budget; `committed` is the sum of the amounts
    approved under it, kept by the decision service and guarded by a constraint."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    purpose_de = models.TextField(_("purpose (German)"))
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    eligibility_de = models.TextField(_("eligibility (German)"), blank=True)
    eligibility_en = models.TextField(_("eligibility (English)"), blank=True)
    required_documents_de = models.TextField(
        _("required documents (German)"), blank=True, help_text=_("One document a line.")
    )
    required_documents_en = models.TextField(
        _("required documents (English)"), blank=True, help_text=_("One document a line.")
    )
    budget = models.DecimalField(_("budget in euros"), **MONEY)
    committed = models.DecimalField(_("committed in euros"), default=0, editable=False, **MONEY)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), help_text=_("Applications are accepted until the end of this day.")
    )
    is_public = models.BooleanField(_("public"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "key"]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="call_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(committed__gte=0, committed__lte=F("budget")),
                name="call_committed_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(opens_on__lte=F("closes_on")), name="call_opens_before_it_closes"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def available(self):
        return self.budget - self.committed


class Criterion(models.Model):
    call = models.ForeignKey(
        FundingCall, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    name_de = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive")
        ]

    def __str__(self):
        return localized(self, "name")


class Applicant(TimeStampedModel):
    """An association's profile; its members (user accounts) apply in its name."""

    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"))
    register_number = models.CharField(
        _("register number"),
        max_length=50,
        blank=True,
        help_text=_("E.g. VR 1234, Amtsgericht Dortmund."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")

    def __str__(self):
        return self.name


class ApplicantMember(TimeStampedModel):
    """A user account acting for one association. An account holds at most one: an
    applicant account is never an office account's second life (decision 0030)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applicant_membership",
        verbose_name=_("user"),
    )
    applicant = models.ForeignKey(
        Applicant, on_delete=models.PROTECT, related_name="members", verbose_name=_("applicant")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("applicant member")
        verbose_name_plural = _("applicant members")

    def __str__(self):
        return f"{self.user} – {self.applicant}"


class Reviewer(TimeStampedModel):
    """A user the office appointed to assess the applications of one call."""

    call = models.ForeignKey(
        FundingCall, on_delete=models.CASCADE, related_name="reviewers", verbose_name=_("call")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grant_reviews",
        verbose_name=_("user"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="reviewer_once_per_call")
        ]

    def __str__(self):
        return str(self.user)


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    FORMALLY_CHECKED = "formally_checked", _("formally checked")
    ASSESSED = "assessed", _("assessed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    PAID = "paid", _("paid")
    PROOF_SUBMITTED = "proof_submitted", _("proof of use submitted")
    CLOSED = "closed", _("closed")


class Application(TimeStampedModel):
    call = models.ForeignKey(
        FundingCall, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
    )
    applicant = models.ForeignKey(
        Applicant,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    project_title = models.CharField(_("project title"), max_length=200)
    project_description = models.TextField(_("project description"), blank=True)
    partner_country = CountryField(_("partner country"), blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partnership"),
    )
    sdgs = models.ManyToManyField(
        "sdg.Goal", blank=True, related_name="+", verbose_name=_("Sustainable Development Goals")
    )
    amount_requested = models.DecimalField(_("amount requested in euros"), **MONEY)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested__gte=0), name="application_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="application_submitted_has_a_time",
            ),
        ]

    def __str__(self):
        return self.project_title


class CostLine(models.Model):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="cost_lines",
        verbose_name=_("application"),
    )
    description = models.CharField(_("cost item"), max_length=200)
    amount = models.DecimalField(_("amount in euros"), **MONEY)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="cost_line_not_negative")
        ]

    def __str__(self):
        return self.description


class AttachmentKind(models.TextChoices):
    APPLICATION = "application", _("application document")
    RECEIPT = "receipt", _("receipt")


class Attachment(TimeStampedModel):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("application"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="grants/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title


# The review, decision, payment and proof models, kept apart to keep modules short.
from partnerwerk.grants.models_review import (  # noqa: E402, F401
    Assessment,
    Decision,
    Payment,
    ProofOfUse,
    Score,
    StateChange,
)
