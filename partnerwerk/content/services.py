"""Every write of pages, news articles, their images and comments (decision 0020): the
permission is checked here, the text cleaned here, history kept by django-simple-history."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.content import images
from partnerwerk.content.legal import LEGAL_PAGES
from partnerwerk.content.models import (
    Article,
    ArticleImage,
    Comment,
    CommentStatus,
    Page,
    Publication,
)
from partnerwerk.content.richtext import clean
from partnerwerk.core.services import (
    attribute_history,
    record_restore,
    record_soft_delete,
    require_permission,
    unique_key,
)
from partnerwerk.feedback.services import count_within_hour


class RateLimited(Exception):
    """The reader has written the most comments allowed within the hour."""


def _publication(status: str, publish_at: datetime.datetime | None):
    """A published text without a time is published now; a draft keeps its planned time."""
    if status == Publication.PUBLISHED and publish_at is None:
        publish_at = timezone.now()
    return status, publish_at


def _write_text(record, *, actor, key, title_de, title_en, body_de, body_en, status, publish_at):
    record.key = key or record.key or unique_key(type(record), title_de)
    record.title_de, record.title_en = title_de.strip(), title_en.strip()
    record.body_de, record.body_en = clean(body_de), clean(body_en)
    record.status, record.publish_at = _publication(status, publish_at)


@transaction.atomic
def page_save(
    *,
    actor,
    page: Page | None = None,
    key: str = "",
    title_de: str,
    title_en: str = "",
    body_de: str = "",
    body_en: str = "",
    status: str = Publication.DRAFT,
    publish_at: datetime.datetime | None = None,
) -> Page:
    """Create a standing page, or change one (`page`); its history keeps every version."""
    require_permission(actor, "content.change_page" if page else "content.add_page", page)
    if page is not None and page.is_legal and key and key != page.key:
        raise ValidationError(
            {"key": _("The address of the imprint and the legal statements cannot change.")}
        )
    if page is None and key in LEGAL_PAGES:
        raise ValidationError({"key": _("This address belongs to a legal statement.")})
    page = page or Page()
    _write_text(
        page,
        actor=actor,
        key=key,
        title_de=title_de,
        title_en=title_en,
        body_de=body_de,
        body_en=body_en,
        status=status,
        publish_at=publish_at,
    )
    page.full_clean()
    attribute_history(page, actor)
    page.save()
    return page


@transaction.atomic
def article_save(
    *,
    actor,
    article: Article | None = None,
    key: str = "",
    title_de: str,
    title_en: str = "",
    lead_de: str = "",
    lead_en: str = "",
    body_de: str = "",
    body_en: str = "",
    status: str = Publication.DRAFT,
    publish_at: datetime.datetime | None = None,
    partnerships: Iterable = (),
    projects: Iterable = (),
    goals: Iterable = (),
    comments_enabled: bool = False,
) -> Article:
    """Create a news article, or change one (`article`): its texts in German and English,
    when it appears, what it is about and whether readers may comment."""
    permission = "content.change_article" if article else "content.add_article"
    require_permission(actor, permission, article)
    article = article or Article()
    _write_text(
        article,
        actor=actor,
        key=key,
        title_de=title_de,
        title_en=title_en,
        body_de=body_de,
        body_en=body_en,
        status=status,
        publish_at=publish_at,
    )
    article.lead_de, article.lead_en = lead_de.strip(), lead_en.strip()
    article.comments_enabled = comments_enabled
    article.full_clean()
    attribute_history(article, actor)
    article.save()
    article.partnerships.set(partnerships)
    article.projects.set(projects)
    article.goals.set(goals)
    return article


def text_delete(*, actor, record: Page | Article) -> Page | Article:
    """Take a page or article off the portal and out of the office's lists; the office can
    restore it with its history. The legal pages cannot be deleted: the portal must always
    show an imprint, a privacy and an accessibility statement."""
    if isinstance(record, Page) and record.key in LEGAL_PAGES:
        raise ValidationError(_("The imprint and the legal statements cannot be deleted."))
    return record_soft_delete(actor=actor, record=record)


def text_restore(*, actor, record: Page | Article) -> Page | Article:
    """Undo `text_delete`: the text returns as it was (published, scheduled or a draft)."""
    return record_restore(actor=actor, record=record)


@transaction.atomic
def article_add_image(
    *, actor, article: Article, upload, credit: str, alt_text_de: str, alt_text_en: str = ""
) -> ArticleImage:
    """Attach a photo: resized to the portal's widths as WebP and JPEG (content.images).
    A photo needs a credit and a German alternative text."""
    require_permission(actor, "content.change_article", article)
    errors = {}
    if not credit.strip():
        errors["credit"] = _("Name who took the photo or holds its rights.")
    if not alt_text_de.strip():
        errors["alt_text_de"] = _("Describe the photo for people who cannot see it.")
    if errors:
        raise ValidationError(errors)
    processed = images.process_upload(upload)
    position = article.images.count()
    image = ArticleImage(
        article=article,
        digest=processed.digest,
        widths=processed.widths,
        width=processed.width,
        height=processed.height,
        credit=credit.strip(),
        alt_text_de=alt_text_de.strip(),
        alt_text_en=alt_text_en.strip(),
        position=position,
    )
    image.full_clean()
    attribute_history(image, actor)
    image.save()
    return image


@transaction.atomic
def article_remove_image(*, actor, image: ArticleImage) -> None:
    """Take a photo off its article (its renditions stay: another article may share them,
    and browsers may hold them)."""
    require_permission(actor, "content.change_article", image.article)
    attribute_history(image, actor)
    image.delete()


@transaction.atomic
def comment_submit(
    *, article: Article, ip_address: str, name: str, text: str, language: str = ""
) -> Comment:
    """A reader's comment, waiting for moderation; refused when the article takes none and
    limited per address and hour like the feedback form."""
    if not (article.comments_enabled and article.is_public):
        raise ValidationError(_("This article takes no comments."))
    if not count_within_hour(
        scope="comment", ip_address=ip_address, limit=settings.PARTNERWERK_COMMENTS_PER_HOUR
    ):
        raise RateLimited
    comment = Comment(article=article, name=name.strip(), text=text.strip(), language=language)
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_moderate(*, actor, comment: Comment, approve: bool) -> Comment:
    """Approve a comment (it appears under the article) or reject it (it never does)."""
    require_permission(actor, "content.moderate_comment", comment)
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.moderated_at = timezone.now()
    comment.moderated_by = actor
    comment.save(update_fields=["status", "moderated_at", "moderated_by"])
    return comment
