"""A scheduled article appears at its time even though whole pages are cached: the cache
starts afresh when the next publication is due, without any save or cron job."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnerwerk.content import services
from partnerwerk.content.models import Comment
from partnerwerk.content.tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() that a test moves forward by hand."""

    class Clock:
        now = timezone.now()

        def advance(self, **delta):
            self.now += datetime.timedelta(**delta)

    fake = Clock()
    monkeypatch.setattr(timezone, "now", lambda: fake.now)
    return fake


def _page(client, path):
    with CaptureQueriesContext(connection) as captured:
        content = client.get(path).content.decode()
    return len(captured), content


def test_a_scheduled_article_appears_at_its_time_on_cached_pages(client, kumasi, clock):
    partnership = kumasi.partner_partnerships.get()
    make_article(
        title_de="Geplante Nachricht",
        at=clock.now + datetime.timedelta(hours=2),
        partnerships=[partnership],
    )
    paths = ("/news/", "/partnerships/dortmund-kumasi-climate/", f"/cities/{kumasi.geonames_id}/")
    for path in paths:
        assert "Geplante Nachricht" not in _page(client, path)[1]
    # Still before its time: served from the cache, without a query.
    clock.advance(hours=1, minutes=59)
    assert _page(client, "/news/")[0] == 0
    clock.advance(minutes=1)
    for path in paths:
        assert "Geplante Nachricht" in _page(client, path)[1]


def test_with_nothing_scheduled_a_cached_page_costs_no_query(client, home):
    make_article(title_de="Schon veröffentlicht")
    _page(client, "/news/")
    count, content = _page(client, "/news/")
    assert count == 0
    assert "Schon veröffentlicht" in content


def test_a_comment_waiting_for_moderation_does_not_empty_the_cache(client, home):
    article = make_article(comments_enabled=True)
    _page(client, "/news/")
    services.comment_submit(article=article, ip_address="192.0.2.1", name="A", text="B")
    assert _page(client, "/news/")[0] == 0
    assert Comment.objects.count() == 1
