"""Standing pages and news articles the office writes itself, their images and readers'
comments (issue 19, decision 0033).

A page or article is public once it is published and its publication time has come: the
portal compares with the clock on every read (`public()`), so a scheduled article appears
at its time without a background job.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    SoftDeleteModel,
    SoftDeleteQuerySet,
    TimeStampedModel,
    localized,
    soft_delete_managers,
)


class Publication(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class PublicationState(models.TextChoices):
    """What the office reads in its lists: a published text whose time has not come is
    scheduled."""

    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    PUBLISHED = "published", _("published")


class ContentQuerySet(SoftDeleteQuerySet):
    def public(self, *, now=None):
        """What the portal, its feeds and its search may show: published, its time come,
        not deleted."""
        return self.filter(
            status=Publication.PUBLISHED,
            publish_at__lte=now or timezone.now(),
            deleted_at__isnull=True,
        )

    def scheduled(self, *, now=None):
        return self.filter(
            status=Publication.PUBLISHED,
            publish_at__gt=now or timezone.now(),
            deleted_at__isnull=True,
        )


class PublishedText(TimeStampedModel, SoftDeleteModel):
    """Title and body in German and English, and when the text is public."""

    key = models.SlugField(
        _("address"), max_length=120, unique=True, help_text=_("The last part of its address.")
    )
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_de = models.TextField(
        _("text (German)"),
        blank=True,
        help_text=_(
            "Paragraphs separated by an empty line. Allowed: headings (h2, h3), lists, "
            "links, bold and italic; anything else is removed."
        ),
    )
    body_en = models.TextField(_("text (English)"), blank=True)
    status = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("The text appears on the portal at this time."),
    )

    objects, all_objects = soft_delete_managers(ContentQuerySet)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def state(self) -> str:
        if self.status != Publication.PUBLISHED or self.publish_at is None:
            return PublicationState.DRAFT
        if self.publish_at > timezone.now():
            return PublicationState.SCHEDULED
        return PublicationState.PUBLISHED

    def get_state_display(self) -> str:
        return PublicationState(self.state).label

    @property
    def is_public(self) -> bool:
        return self.state == PublicationState.PUBLISHED and self.deleted_at is None


class Page(PublishedText):
    """A standing page: about the office, the imprint, the privacy statement, a topic."""

    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(publish_at__isnull=False),
                name="page_published_has_time",
            )
        ]

    @property
    def is_legal(self) -> bool:
        """The imprint and the privacy and accessibility statements (never deleted)."""
        return self.key in ("imprint", "privacy", "accessibility")

    def get_absolute_url(self) -> str:
        # The legal pages keep the addresses they had as templates.
        if self.is_legal:
            return reverse(f"portal:{self.key}")
        return reverse("portal:page", kwargs={"key": self.key})


class Article(PublishedText):
    """A news article, linked to the partnerships, projects and goals it is about."""

    lead_de = models.TextField(
        _("lead (German)"), max_length=600, blank=True, help_text=_("One or two sentences.")
    )
    lead_en = models.TextField(_("lead (English)"), max_length=600, blank=True)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        blank=True,
        related_name="articles",
        verbose_name=_("partnerships"),
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="articles", verbose_name=_("projects")
    )
    goals = models.ManyToManyField(
        "sdg.Goal",
        blank=True,
        related_name="articles",
        verbose_name=_("Sustainable Development Goals"),
    )
    comments_enabled = models.BooleanField(
        _("readers may comment"),
        default=False,
        help_text=_("Comments appear only after the office has approved them."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(publish_at__isnull=False),
                name="article_published_has_time",
            )
        ]

    @property
    def lead(self) -> str:
        return localized(self, "lead")

    def get_absolute_url(self) -> str:
        return reverse("portal:article", kwargs={"key": self.key})

    @property
    def cover(self):
        """The first photo (from prefetched images when there are any)."""
        images = list(self.images.all())
        return images[0] if images else None


class ArticleImage(TimeStampedModel):
    """A photo of an article, kept as renditions whose names are the digest of the upload
    (content-addressed, so the portal can let browsers keep them for a year)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="images", verbose_name=_("article")
    )
    digest = models.CharField(_("digest"), max_length=64, db_index=True, editable=False)
    widths = models.JSONField(_("widths"), default=list, editable=False)
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    credit = models.CharField(
        _("credit line"), max_length=200, help_text=_('e.g. "Bild: Stadt Dortmund"')
    )
    alt_text_de = models.CharField(_("alternative text (German)"), max_length=300)
    alt_text_en = models.CharField(_("alternative text (English)"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text

    @property
    def alt_text(self) -> str:
        return localized(self, "alt_text")

    def rendition_name(self, width: int, extension: str) -> str:
        return f"{self.digest}-{width}.{extension}"

    @property
    def thumbnail_name(self) -> str:
        return self.rendition_name(min(self.widths), "jpg")

    @property
    def srcset_widths(self) -> list[int]:
        return sorted(self.widths)


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class CommentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=CommentStatus.APPROVED)


class Comment(models.Model):
    """A reader's comment; shown only after the office approved it. No address or e-mail is
    kept (the rate limit counts in the cache for an hour)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    name = models.CharField(_("name"), max_length=80)
    text = models.TextField(_("comment"), max_length=2000)
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"
