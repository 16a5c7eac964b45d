from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    INTERNAL = "internal", _("internal")


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class Source(TimeStampedModel):
    """The citation behind a fact: a seed page, a public address or a document."""

    key = models.SlugField(_("key"), max_length=80, unique=True, help_text=_("Stable code."))
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    seed_file = models.CharField(
        _("seed file"), max_length=100, blank=True, help_text=_("File name of a source page.")
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published = models.CharField(
        _("published"),
        max_length=10,
        blank=True,
        help_text=_("Date of publication with its precision: 2011, 2023-02 or 2024-05-14."),
    )
    licence = models.CharField(_("licence"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(seed_file=""),
                name="source_has_address_or_seed_file",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def citation(self) -> str:
        return self.url or self.seed_file


def exactly_one_subject(name: str, message=None) -> models.CheckConstraint:
    """A row that belongs to exactly one partnership, project or activity; `message` is
    what a form says when it does not."""
    subjects = ("partnership", "project", "activity")
    condition = models.Q()
    for chosen in subjects:
        condition |= models.Q(**{f"{field}__isnull": field != chosen for field in subjects})
    return models.CheckConstraint(condition=condition, name=name, violation_error_message=message)


@dataclass(frozen=True)
class LocalizedText:
    """A translated field's text, the language it is in, and whether that is a fallback."""

    text: str
    language: str
    fallback: bool

    def __str__(self):
        return self.text


def localized_text(obj, field: str, language: str | None = None) -> LocalizedText:
    """The one language fallback: the text of `field` in `language` (the active one when
    None), else in German, else in English; `fallback` says the text is not in the language
    asked for, so a page can mark its language and say no translation exists."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    for code in (language, "de", "en"):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return LocalizedText(value, code, code != language)
    return LocalizedText("", language, False)


def localized(obj, field: str, language: str | None = None) -> str:
    """Only the text of `localized_text`."""
    return localized_text(obj, field, language).text


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class PublicQuerySet(SoftDeleteQuerySet):
    """Rows of a record with a visibility. `public()` is what anyone may see of it: the
    portal, the files, the exports and the API read public records through it alone. A
    record whose rule asks more (a transaction, a document) extends it in its own app."""

    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Publishable:
    """`is_public` of one record, the same rule as its queryset's `public()` (a record whose
    rule asks more overrides both)."""

    @property
    def is_public(self) -> bool:
        # A deleted record is public nowhere, as `objects.public()` (alive rows) says.
        return self.visibility == Visibility.PUBLIC and getattr(self, "deleted_at", None) is None


class AliveManager(models.Manager):
    """The default manager: soft-deleted rows are invisible unless asked for."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


def soft_delete_managers(queryset_class=SoftDeleteQuerySet):
    """`objects` without soft-deleted rows and `all_objects` with them, sharing one queryset."""
    return (
        AliveManager.from_queryset(queryset_class)(),
        models.Manager.from_queryset(queryset_class)(),
    )


class SoftDeleteModel(models.Model):
    """A record editors can delete and the office can restore: nothing is lost (decision 0007)."""

    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
    )

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
