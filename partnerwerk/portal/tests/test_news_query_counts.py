"""The news pages' number of queries does not grow with the number of articles, photos or
linked records."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.content import services
from partnerwerk.content.tests.factories import make_article, office_user, photo
from partnerwerk.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _articles(partnership, count: int) -> None:
    office = office_user()
    for number in range(count):
        article = make_article(
            actor=office, title_de=f"Nachricht {number}", partnerships=[partnership], goals=[13]
        )
        services.article_add_image(
            actor=office, article=article, upload=photo(width=600), credit="A", alt_text_de="B"
        )


def _count(client, path: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    ["/news/", "/news/feed/", "/partnerships/dortmund-kumasi-climate/", "/search/?q=Nachricht"],
)
def test_a_news_page_costs_the_same_queries_for_one_or_many_articles(client, kumasi, path):
    partnership = Partnership.objects.get(key="dortmund-kumasi-climate")
    _articles(partnership, 1)
    few = _count(client, path)
    _articles(partnership, 4)
    assert _count(client, path) == few
