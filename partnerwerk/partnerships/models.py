from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.dates import display_partial_date
from partnerwerk.core.models import (
    AliveManager,
    DatePrecision,
    PublicQuerySet,
    Publishable,
    SoftDeleteModel,
    SoftDeleteQuerySet,
    Source,
    TimeStampedModel,
    Visibility,
    localized,
    soft_delete_managers,
)


class Theme(TimeStampedModel):
    """A small multilingual vocabulary of what partnerships work on."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    goals = models.ManyToManyField(
        "sdg.Goal", blank=True, related_name="themes", verbose_name=_("SDG goals usually served")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class PartnershipKind(models.TextChoices):
    TWINNING = "twinning", _("twinning")
    FRIENDSHIP = "friendship", _("friendship")
    SOLIDARITY = "solidarity", _("solidarity partnership")
    PROJECT = "project", _("project partnership")
    CLIMATE = "climate", _("climate partnership")
    CONTACT = "contact", _("contact")


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    PREPARING = "preparing", _("in preparation")
    APPROVED = "approved", _("approved")
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")
    ENDED = "ended", _("ended")


class PartnershipOrigin(models.TextChoices):
    CURATED = "curated", _("curated by the office")
    REGISTRY = "registry", _("registry data")


class PartnershipQuerySet(PublicQuerySet):
    def curated(self):
        return self.filter(origin=PartnershipOrigin.CURATED)


class Partnership(Publishable, TimeStampedModel, SoftDeleteModel):
    """A relation of one kind between two places; its status and start follow from its steps."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    home = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        related_name="home_partnerships",
        verbose_name=_("home city"),
    )
    partner = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        related_name="partner_partnerships",
        verbose_name=_("partner city"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnershipKind.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.PROPOSED,
        editable=False,
        help_text=_("Follows from the steps."),
    )
    since = models.DateField(_("since"), null=True, blank=True, editable=False)
    since_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, blank=True, editable=False
    )
    origin = models.CharField(
        _("origin"),
        max_length=10,
        choices=PartnershipOrigin.choices,
        default=PartnershipOrigin.CURATED,
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    programmes = models.ManyToManyField(
        "programmes.Programme",
        blank=True,
        related_name="partnerships",
        verbose_name=_("programmes"),
    )
    succeeds = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("grew out of"),
        help_text=_("The earlier partnership this one continues (e.g. solidarity → twinning)."),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(PartnershipQuerySet)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partner__name", "kind"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(home=models.F("partner")),
                name="partnership_not_with_itself",
            ),
            models.UniqueConstraint(
                fields=["home", "partner", "kind"],
                condition=models.Q(origin="curated"),
                name="partnership_unique_curated_kind_per_pair",
            ),
            models.CheckConstraint(
                condition=~models.Q(succeeds=models.F("pk")),
                name="partnership_not_own_successor",
            ),
        ]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self):
        return f"{self.home} – {self.partner} ({self.get_kind_display()})"

    @property
    def description(self) -> str:
        return localized(self, "description")


class StepKind(models.TextChoices):
    PROPOSAL = "proposal", _("proposal")
    COUNCIL_MANDATE = "council_mandate", _("council mandate")
    COUNCIL_DECISION = "council_decision", _("council decision")
    START = "start", _("start")
    AGREEMENT_SIGNED = "agreement_signed", _("agreement signed")
    CERTIFICATE_SIGNED = "certificate_signed", _("certificate signed")
    VISIT = "visit", _("visit")
    RECORDED = "recorded", _("documented as existing")
    SUSPENSION = "suspension", _("suspension")
    RESUMPTION = "resumption", _("resumption")
    SUPERSEDED = "superseded", _("continued as another partnership")
    END = "end", _("end")


# The status a partnership has after a step of each kind (None: the step changes no status).
STATUS_AFTER_KIND = {
    StepKind.PROPOSAL: PartnershipStatus.PROPOSED,
    StepKind.COUNCIL_MANDATE: PartnershipStatus.PREPARING,
    StepKind.COUNCIL_DECISION: PartnershipStatus.APPROVED,
    StepKind.START: PartnershipStatus.ACTIVE,
    StepKind.AGREEMENT_SIGNED: PartnershipStatus.ACTIVE,
    StepKind.CERTIFICATE_SIGNED: PartnershipStatus.ACTIVE,
    StepKind.VISIT: None,
    StepKind.RECORDED: PartnershipStatus.ACTIVE,
    StepKind.SUSPENSION: PartnershipStatus.SUSPENDED,
    StepKind.RESUMPTION: PartnershipStatus.ACTIVE,
    StepKind.SUPERSEDED: PartnershipStatus.ENDED,
    StepKind.END: PartnershipStatus.ENDED,
}

# Steps that mark the beginning of a partnership; a `recorded` step only shows it existed.
START_KINDS = (StepKind.START, StepKind.AGREEMENT_SIGNED, StepKind.CERTIFICATE_SIGNED)


class StepQuerySet(SoftDeleteQuerySet):
    def awaiting_confirmation(self):
        return self.filter(proposed_at__isnull=False, confirmed_at__isnull=True)

    def confirmed(self):
        return self.exclude(proposed_at__isnull=False, confirmed_at__isnull=True)


class ConfirmedStepManager(AliveManager.from_queryset(StepQuerySet)):
    """The default manager: steps in force, neither deleted nor awaiting confirmation. It is
    also what `partnership.steps` uses, so a proposal changes no status, page or export until
    the office confirms it."""

    def get_queryset(self):
        return super().get_queryset().confirmed()


class Step(TimeStampedModel, SoftDeleteModel):
    """A dated event in a partnership's life: a decision, a signing, a visit, a suspension.

    A step added by the office is in force at once; one proposed by a department editor
    (`proposed_at` set) waits for an office member to confirm it.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="steps", verbose_name=_("partnership")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=StepKind.choices)
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    status_after = models.CharField(
        _("status after"),
        max_length=20,
        choices=PartnershipStatus.choices,
        blank=True,
        help_text=_("Empty when the step changes no status."),
    )
    decision_body = models.CharField(_("decision body"), max_length=200, blank=True)
    note_de = models.TextField(_("note (German)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    dated_by_report = models.BooleanField(
        _("dated by its report"),
        default=False,
        help_text=_(
            "The date is when a source reported the step, not when it happened "
            "(which no source states)."
        ),
    )
    office_note = models.TextField(
        _("office note"),
        blank=True,
        help_text=_(
            "Internal: the office's remarks on the sources. Never shown on the portal, "
            "in the API or in exports."
        ),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(
        _("proposed at"),
        null=True,
        blank=True,
        help_text=_("Set when the step was proposed and awaits confirmation by the office."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = ConfirmedStepManager()
    all_objects = models.Manager.from_queryset(StepQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_precision__in=["day", "month", "year"]),
                name="step_known_date_precision",
            ),
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True) | models.Q(proposed_at__isnull=False),
                name="step_confirmed_only_after_proposal",
            ),
        ]

    def __str__(self):
        # "14. Mai 1960: Urkunde unterzeichnet", only as exact as the date is known.
        return f"{display_partial_date(self.date, self.date_precision)}: {self.get_kind_display()}"

    @property
    def note(self) -> str:
        return localized(self, "note")
