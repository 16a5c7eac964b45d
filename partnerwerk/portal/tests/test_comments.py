"""Reader comments: off unless the office switches them on for an article; when on, a
comment waits for moderation, the privacy notice stands beside the form, and one address
may send only a few within the hour."""

import pytest

from partnerwerk.content import services
from partnerwerk.content.models import Comment, CommentStatus
from partnerwerk.content.tests.factories import make_article, office_user

pytestmark = pytest.mark.django_db


def test_an_article_takes_no_comments_by_default(client, home):
    article = make_article()
    page = client.get(f"/news/{article.key}/").content.decode()
    assert 'name="text"' not in page
    response = client.post(f"/news/{article.key}/", {"name": "A", "text": "B"})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_comment_waits_for_moderation_and_the_privacy_notice_is_shown(client, home):
    article = make_article(comments_enabled=True)
    page = client.get(f"/en/news/{article.key}/").content.decode()
    assert "The office reads every comment before it appears." in page
    assert 'href="/en/privacy/"' in page
    response = client.post(
        f"/en/news/{article.key}/", {"name": "Ama", "text": "Great news!"}, follow=True
    )
    assert "once the office has approved it" in response.content.decode()
    assert "Great news!" not in response.content.decode()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    services.comment_moderate(actor=office_user(), comment=comment, approve=True)
    assert "Great news!" in client.get(f"/en/news/{article.key}/").content.decode()


def test_a_comment_is_plain_text(client, home):
    article = make_article(comments_enabled=True)
    client.post(f"/news/{article.key}/", {"name": "X", "text": "<script>alert(1)</script>"})
    services.comment_moderate(actor=office_user(), comment=Comment.objects.get(), approve=True)
    page = client.get(f"/news/{article.key}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_empty_comment_is_refused_naming_the_field(client, home):
    article = make_article(comments_enabled=True)
    response = client.post(f"/en/news/{article.key}/", {"name": "A", "text": ""})
    assert response.status_code == 400
    assert 'id="id_text_error"' in response.content.decode()


def test_one_address_may_send_a_few_comments_an_hour(client, home, settings):
    settings.PARTNERWERK_COMMENTS_PER_HOUR = 2
    article = make_article(comments_enabled=True)
    for number in range(2):
        assert (
            client.post(f"/news/{article.key}/", {"name": "A", "text": f"{number}"}).status_code
            == 302
        )
    refused = client.post(f"/en/news/{article.key}/", {"name": "A", "text": "three"})
    assert refused.status_code == 429
    assert "several comments within the hour" in refused.content.decode()
    assert Comment.objects.count() == 2
