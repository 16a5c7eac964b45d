"""A joint programme of action of two cities, its fields of action, goals, reviews and the
cities' own strategies it draws on (decision 0029)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.action_programmes.models.common import Side, ends_after_start, has_text
from partnerwerk.core.models import (
    PublicQuerySet,
    Publishable,
    SoftDeleteModel,
    Source,
    TimeStampedModel,
    Visibility,
    localized,
    soft_delete_managers,
)


class JointProgrammeQuerySet(PublicQuerySet):
    def current(self):
        return self.filter(is_current=True)


class JointProgramme(Publishable, TimeStampedModel, SoftDeleteModel):
    """The programme of action two cities keep together. A partnership may have had several
    over time; one at most is current (a partial unique constraint)."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        related_name="joint_programmes",
        verbose_name=_("partnership"),
    )
    title_de = models.CharField(_("title (German)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    vision_de = models.TextField(_("vision (German)"), blank=True)
    vision_en = models.TextField(_("vision (English)"), blank=True)
    period_start = models.DateField(_("start"), null=True, blank=True)
    period_end = models.DateField(_("end"), null=True, blank=True)
    is_current = models.BooleanField(
        _("current programme"),
        default=False,
        help_text=_("The programme the partners work by now; a partnership has one at most."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(JointProgrammeQuerySet)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_current", "-period_start", "title_de"]
        verbose_name = _("joint programme")
        verbose_name_plural = _("joint programmes")
        constraints = [
            has_text("title", "jointprogramme_has_a_title", _("Give the programme a title.")),
            ends_after_start(
                "period_start",
                "period_end",
                "jointprogramme_period_ends_after_start",
                _("The programme cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["partnership"],
                condition=models.Q(is_current=True, deleted_at__isnull=True),
                name="jointprogramme_one_current_per_partnership",
                violation_error_message=_("This partnership already has a current programme."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class StrategyLink(TimeStampedModel, SoftDeleteModel):
    """A strategy of one of the two cities the programme draws on: a city strategy of the
    programmes app, a cited source, or an address with a title."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    programme = models.ForeignKey(
        JointProgramme,
        on_delete=models.PROTECT,
        related_name="strategies",
        verbose_name=_("joint programme"),
    )
    side = models.CharField(_("city"), max_length=10, choices=Side.choices)
    title_de = models.CharField(_("title (German)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    city_strategy = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("city strategy"),
        help_text=_("The strategy as a programme the office keeps, where it is one."),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source"),
    )
    url = models.URLField(_("address"), max_length=500, blank=True)

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["side", "title_de"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        constraints = [
            has_text("title", "strategylink_has_a_title", _("Give the strategy a title.")),
            models.CheckConstraint(
                condition=models.Q(city_strategy__isnull=False)
                | models.Q(source__isnull=False)
                | ~models.Q(url=""),
                name="strategylink_points_somewhere",
                violation_error_message=_("Name the strategy's programme, a source or an address."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def address(self) -> str:
        """Where a reader finds the strategy: its own address, else its source's."""
        return self.url or (self.source.url if self.source_id else "")


class FieldOfAction(TimeStampedModel, SoftDeleteModel):
    """A field the programme works in: mitigation, adaptation, or one the partners define."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    programme = models.ForeignKey(
        JointProgramme,
        on_delete=models.PROTECT,
        related_name="fields",
        verbose_name=_("joint programme"),
    )
    theme = models.ForeignKey(
        "partnerships.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theme"),
    )
    name_de = models.CharField(_("name (German)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        constraints = [
            has_text("name", "fieldofaction_has_a_name", _("Give the field of action a name.")),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class GoalQuerySet(PublicQuerySet):
    def public(self):
        """Goals anyone may see: public themselves, in a field and a programme alive and
        public."""
        return (
            super()
            .public()
            .filter(
                field_of_action__deleted_at__isnull=True,
                field_of_action__programme__deleted_at__isnull=True,
                field_of_action__programme__visibility=Visibility.PUBLIC,
            )
        )


class Goal(Publishable, TimeStampedModel, SoftDeleteModel):
    field_of_action = models.ForeignKey(
        FieldOfAction,
        on_delete=models.PROTECT,
        related_name="goals",
        verbose_name=_("field of action"),
    )
    title_de = models.CharField(_("title (German)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )

    objects, all_objects = soft_delete_managers(GoalQuerySet)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [has_text("title", "goal_has_a_title", _("Give the goal a title."))]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def is_public(self) -> bool:
        field = self.field_of_action
        return super().is_public and not field.is_deleted and field.programme.is_public


class Review(TimeStampedModel, SoftDeleteModel):
    """A dated meeting of the partners on the programme, with what they decided."""

    programme = models.ForeignKey(
        JointProgramme,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("joint programme"),
    )
    held_on = models.DateField(_("date of the meeting"))
    title_de = models.CharField(_("title (German)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    decisions_de = models.TextField(_("decisions (German)"), blank=True)
    decisions_en = models.TextField(_("decisions (English)"), blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes"),
        help_text=_("The document with the minutes of the meeting, where there is one."),
    )

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            has_text("decisions", "review_has_decisions", _("Write down what the meeting decided."))
        ]

    def __str__(self):
        from django.utils import formats

        title = localized(self, "title")
        day = formats.date_format(self.held_on, "DATE_FORMAT") if self.held_on else ""
        return f"{day}: {title}" if title else day

    @property
    def decisions(self) -> str:
        return localized(self, "decisions")
