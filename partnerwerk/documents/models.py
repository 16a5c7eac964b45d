from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    DatePrecision,
    PublicQuerySet,
    SoftDeleteModel,
    Source,
    TimeStampedModel,
    Visibility,
    localized,
    soft_delete_managers,
)


class DocumentKind(models.TextChoices):
    MOU = "mou", _("memorandum of understanding")
    AGREEMENT = "agreement", _("agreement")
    CERTIFICATE = "certificate", _("certificate")
    COUNCIL_RESOLUTION = "council_resolution", _("council resolution")
    REPORT = "report", _("report")
    PHOTO = "photo", _("photo")
    PRESS_RELEASE = "press_release", _("press release")


class DocumentStatus(models.TextChoices):
    IN_PREPARATION = "in_preparation", _("in preparation")
    DRAFT = "draft", _("draft")
    FINAL = "final", _("final")
    SIGNED = "signed", _("signed")


def _absent_or_public(model, path: str) -> models.Q:
    """The record at `path` is absent, or public by its own record's `public()` and not
    deleted. The records sit in apps above this one: each model is reached through the
    relations, not imported."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return models.Q(**{f"{path}__isnull": True}) | models.Q(
        **{f"{path}__in": model.objects.public()}
    )


class DocumentQuerySet(PublicQuerySet):
    def public(self):
        """Documents anyone may see, with their files: the document is public and not
        deleted, and so is every record it is attached to (its partnership; its step, which
        must also be confirmed, and the step's partnership; its project; its activity and the
        activity's project). A public document of an internal or deleted record stays
        internal: files must not leak through their parents. The one definition used by the
        portal's pages and its file view."""
        confirmed_step = (
            models.Q(step__isnull=True)
            | models.Q(step__deleted_at__isnull=True, step__proposed_at__isnull=True)
            | models.Q(step__deleted_at__isnull=True, step__confirmed_at__isnull=False)
        )
        return (
            super()
            .public()
            .filter(
                *(
                    _absent_or_public(self.model, path)
                    for path in (
                        "partnership",
                        "step__partnership",
                        "project",
                        "activity",
                        "activity__project",
                    )
                ),
                confirmed_step,
                deleted_at__isnull=True,
            )
        )


class Document(TimeStampedModel, SoftDeleteModel):
    """A file, or a known document whose file the office does not hold (yet)."""

    key = models.SlugField(_("key"), max_length=120, unique=True, help_text=_("Stable code."))
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.FINAL
    )
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, blank=True, verbose_name=_("date precision")
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True)
    credit = models.CharField(
        _("credit line"), max_length=200, blank=True, help_text=_('e.g. "Bild: Stadt Dortmund"')
    )
    alt_text_de = models.TextField(_("alternative text (German)"), blank=True)
    alt_text_en = models.TextField(_("alternative text (English)"), blank=True)
    # Internal until someone decides to publish it (an upload is not a publication).
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("partnership"),
    )
    step = models.ForeignKey(
        "partnerships.Step",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("step"),
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("project"),
    )
    activity = models.ForeignKey(
        "projects.Activity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("activity"),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(DocumentQuerySet)
    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    partnership__isnull=True, step__isnull=True, project__isnull=True
                )
                | models.Q(partnership__isnull=True, step__isnull=True, activity__isnull=True)
                | models.Q(partnership__isnull=True, project__isnull=True, activity__isnull=True)
                | models.Q(step__isnull=True, project__isnull=True, activity__isnull=True),
                name="document_at_most_one_subject",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def attached_to(self) -> list:
        """The records the document is attached to directly (at most one, by the constraint,
        but the list does not rely on it)."""
        names = ("partnership", "step", "project", "activity")
        return [getattr(self, name) for name in names if getattr(self, f"{name}_id")]


class DocumentVersion(TimeStampedModel, SoftDeleteModel):
    """One uploaded file of a document; the newest version is the current one."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to="documents/versions/%Y/")
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("What changed."))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="document_version_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="document_version_number_from_one"
            ),
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"
