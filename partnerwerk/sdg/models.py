from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import TimeStampedModel, exactly_one_subject, localized


class Goal(models.Model):
    """One of the 17 Sustainable Development Goals (reference data, loaded by a migration)."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    short_de = models.CharField(_("short title (German)"), max_length=200)
    short_en = models.CharField(_("short title (English)"), max_length=200)
    short_fr = models.CharField(_("short title (French)"), max_length=200)
    title_de = models.TextField(_("title (German)"))
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17), name="goal_number_1_to_17"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.short}"

    @property
    def short(self) -> str:
        return localized(self, "short")

    @property
    def title(self) -> str:
        return localized(self, "title")


class Target(models.Model):
    code = models.CharField(_("code"), max_length=10, primary_key=True, help_text=_("e.g. 11.6"))
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="targets", verbose_name=_("goal")
    )
    title_de = models.TextField(_("title (German)"))
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"))

    class Meta:
        ordering = ["goal", "code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self):
        return self.code

    @property
    def title(self) -> str:
        return localized(self, "title")


class Indicator(models.Model):
    code = models.CharField(_("code"), max_length=12, primary_key=True, help_text=_("e.g. 11.6.1"))
    target = models.ForeignKey(
        Target, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("target")
    )
    title_de = models.TextField(_("title (German)"))
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"))

    class Meta:
        ordering = ["target", "code"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")

    def __str__(self):
        return self.code

    @property
    def title(self) -> str:
        return localized(self, "title")


class Significance(models.TextChoices):
    PRINCIPAL = "principal", _("principal")
    SIGNIFICANT = "significant", _("significant")


class TagOrigin(models.TextChoices):
    PERSON = "person", _("set by a person")
    SUGGESTION = "suggestion", _("suggested and confirmed")
    # Reference data: a goal its sources state, or one the office assigned on its own reading.
    SOURCE = "source", _("stated by a source")
    OFFICE = "office", _("classified by the office")


class SdgTag(TimeStampedModel):
    """A goal, or a target of it, that a partnership, project or activity serves."""

    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="tags", verbose_name=_("goal")
    )
    target = models.ForeignKey(
        Target,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tags",
        verbose_name=_("target"),
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sdg_tags",
        verbose_name=_("partnership"),
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sdg_tags",
        verbose_name=_("project"),
    )
    activity = models.ForeignKey(
        "projects.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sdg_tags",
        verbose_name=_("activity"),
    )
    significance = models.CharField(
        _("significance"),
        max_length=12,
        choices=Significance.choices,
        default=Significance.SIGNIFICANT,
    )
    origin = models.CharField(
        _("origin"), max_length=12, choices=TagOrigin.choices, default=TagOrigin.PERSON
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
        help_text=_("Who confirmed the suggestion this tag came from."),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    sources = models.ManyToManyField("core.Source", blank=True, verbose_name=_("sources"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "target"]
        verbose_name = _("SDG tag")
        verbose_name_plural = _("SDG tags")
        indexes = [
            # "Partnerships tagged with goal n" probes this once per partnership; without it,
            # PostgreSQL without statistics reads all of the goal's tags for every partnership.
            models.Index(fields=["partnership", "goal"], name="sdgtag_partnership_goal"),
        ]
        constraints = [
            exactly_one_subject("sdgtag_exactly_one_subject"),
            models.UniqueConstraint(
                fields=["partnership", "goal"],
                condition=models.Q(partnership__isnull=False, target__isnull=True),
                name="sdgtag_unique_goal_per_partnership",
            ),
            models.UniqueConstraint(
                fields=["project", "goal"],
                condition=models.Q(project__isnull=False, target__isnull=True),
                name="sdgtag_unique_goal_per_project",
            ),
            models.UniqueConstraint(
                fields=["activity", "goal"],
                condition=models.Q(activity__isnull=False, target__isnull=True),
                name="sdgtag_unique_goal_per_activity",
            ),
        ]

    def __str__(self):
        return str(self.target or self.goal)


class SuggestionVerdict(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    REJECTED = "rejected", _("rejected")


class SdgSuggestionDecision(models.Model):
    """What a person said to one suggested goal or target of a record, kept as history.

    Every decision is a row of its own; the latest one for a subject, goal and target counts,
    so a suggestion rejected once is not offered again and an earlier verdict is never lost.
    """

    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="suggestion_decisions", verbose_name=_("goal")
    )
    target = models.ForeignKey(
        Target,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="suggestion_decisions",
        verbose_name=_("target"),
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sdg_suggestion_decisions",
        verbose_name=_("partnership"),
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sdg_suggestion_decisions",
        verbose_name=_("project"),
    )
    activity = models.ForeignKey(
        "projects.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sdg_suggestion_decisions",
        verbose_name=_("activity"),
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=SuggestionVerdict.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("SDG suggestion decision")
        verbose_name_plural = _("SDG suggestion decisions")
        constraints = [
            exactly_one_subject("sdgsuggestiondecision_exactly_one_subject"),
        ]

    def __str__(self):
        return f"{self.target or self.goal}: {self.get_verdict_display()}"
