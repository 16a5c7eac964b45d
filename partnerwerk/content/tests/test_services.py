"""Writes of pages, articles, photos and comments: permission, cleaning, publication time,
history, moderation and the hourly limit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from partnerwerk.content import services
from partnerwerk.content.models import Article, Comment, CommentStatus, Page, PublicationState
from partnerwerk.content.tests.factories import make_article, office_user, photo
from partnerwerk.testing import make_active_partnership, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_an_article_is_saved_with_its_texts_cleaned_and_its_links():
    partnership = make_active_partnership(visibility="public")
    article = make_article(
        body_de='<p onclick="x()">Text<script>alert(1)</script></p>',
        partnerships=[partnership],
        goals=[11],
    )
    assert article.body_de == "<p>Text</p>"
    assert list(article.partnerships.all()) == [partnership]
    assert list(article.goals.values_list("number", flat=True)) == [11]
    assert article.key == "neuigkeit-aus-der-partnerschaft"


def test_only_office_staff_may_write_news_and_pages():
    viewer = make_user(role="viewer")
    with pytest.raises(PermissionDenied):
        make_article(actor=viewer)
    with pytest.raises(PermissionDenied):
        services.page_save(actor=viewer, title_de="Über uns")


def test_a_scheduled_article_is_public_only_once_its_time_has_come():
    soon = timezone.now() + datetime.timedelta(hours=2)
    article = make_article(at=soon)
    assert article.state == PublicationState.SCHEDULED
    assert not Article.objects.public().filter(pk=article.pk).exists()
    later = soon + datetime.timedelta(seconds=1)
    assert Article.objects.public(now=later).filter(pk=article.pk).exists()


def test_a_draft_is_never_public_and_publishing_without_a_time_means_now():
    draft = make_article(published=False)
    assert draft.state == PublicationState.DRAFT
    assert not Article.objects.public().filter(pk=draft.pk).exists()
    now = services.article_save(
        actor=office_user(), article=draft, title_de=draft.title_de, status="published"
    )
    assert now.state == PublicationState.PUBLISHED
    assert now.publish_at <= timezone.now()


def test_every_change_of_a_page_is_kept_in_its_history_with_its_author():
    office = office_user()
    page = services.page_save(actor=office, title_de="Über das Büro", body_de="Erste Fassung.")
    services.page_save(actor=office, page=page, title_de="Über das Büro", body_de="Zweite.")
    versions = list(page.history.order_by("history_date"))
    assert [version.body_de for version in versions] == ["<p>Erste Fassung.</p>", "<p>Zweite.</p>"]
    assert versions[-1].history_user == office


def test_the_legal_pages_start_with_the_text_of_their_former_templates():
    imprint = Page.objects.get(key="imprint")
    assert imprint.is_public
    assert "GNU Affero General Public License" in imprint.body_en
    assert "freier Software" in imprint.body_de
    assert imprint.history.count() == 1
    assert {page.key for page in Page.objects.public()} >= {"imprint", "privacy", "accessibility"}


def test_a_photo_needs_a_credit_and_an_alternative_text():
    article = make_article()
    with pytest.raises(ValidationError) as error:
        services.article_add_image(
            actor=office_user(), article=article, upload=photo(), credit="", alt_text_de=""
        )
    assert set(error.value.message_dict) == {"credit", "alt_text_de"}
    assert not article.images.exists()


def test_a_comment_is_refused_when_the_article_takes_none():
    article = make_article()
    with pytest.raises(ValidationError):
        services.comment_submit(article=article, ip_address="192.0.2.1", name="A", text="Hallo")
    assert not Comment.objects.exists()


def test_a_comment_waits_for_moderation_and_appears_once_approved():
    article = make_article(comments_enabled=True)
    comment = services.comment_submit(
        article=article, ip_address="192.0.2.1", name="Ama", text="Schön zu lesen."
    )
    assert comment.status == CommentStatus.PENDING
    assert not Comment.objects.public().exists()
    services.comment_moderate(actor=office_user(), comment=comment, approve=True)
    assert list(Comment.objects.public()) == [comment]


def test_a_viewer_may_not_moderate_comments():
    article = make_article(comments_enabled=True)
    comment = services.comment_submit(article=article, ip_address="192.0.2.1", name="A", text="B")
    with pytest.raises(PermissionDenied):
        services.comment_moderate(actor=make_user(role="viewer"), comment=comment, approve=True)


def test_one_address_may_write_five_comments_an_hour(settings):
    settings.PARTNERWERK_COMMENTS_PER_HOUR = 5
    article = make_article(comments_enabled=True)
    for number in range(5):
        services.comment_submit(
            article=article, ip_address="192.0.2.9", name="A", text=f"Nummer {number}"
        )
    with pytest.raises(services.RateLimited):
        services.comment_submit(article=article, ip_address="192.0.2.9", name="A", text="6")
    services.comment_submit(article=article, ip_address="192.0.2.10", name="B", text="other")
    assert Comment.objects.count() == 6


def test_the_address_of_a_legal_page_cannot_change_or_be_taken():
    imprint = Page.objects.get(key="imprint")
    with pytest.raises(ValidationError) as error:
        services.page_save(actor=office_user(), page=imprint, key="impressum", title_de="I")
    assert "key" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.page_save(actor=office_user(), key="privacy", title_de="Datenschutz")
    assert Page.objects.get(pk=imprint.pk).key == "imprint"
