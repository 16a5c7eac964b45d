"""News on the portal: the list by date, partnership and goal; an article with its photos;
news on the partnership and city pages; hostile HTML never reaches a page; photos served
with a year's cache lifetime and only for public articles."""

import datetime

import pytest
from django.utils import timezone

from partnerwerk.content import services
from partnerwerk.content.tests.factories import make_article, office_user, photo
from partnerwerk.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p style="color:red" onmouseover="steal()">Bericht <a href="javascript:alert(1)">hier</a>'
    '</p><script>alert(2)</script><iframe src="https://evil.example/"></iframe>'
    '<img src="x" onerror="alert(3)"><a href="https://www.dortmund.de/">Stadt</a>'
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _partnership(kumasi):
    return Partnership.objects.get(key="dortmund-kumasi-climate")


def test_the_news_list_shows_public_articles_newest_first_and_no_draft(client, kumasi):
    make_article(title_de="Ältere Nachricht", at=timezone.now() - datetime.timedelta(days=3))
    make_article(title_de="Neuere Nachricht")
    make_article(title_de="Entwurf", published=False)
    page = client.get("/news/").content.decode()
    assert page.index("Neuere Nachricht") < page.index("Ältere Nachricht")
    assert "Entwurf" not in page


def test_the_news_list_filters_by_partnership_and_by_goal(client, kumasi):
    partnership = _partnership(kumasi)
    make_article(title_de="Kumasi-Nachricht", partnerships=[partnership])
    make_article(title_de="Klima-Nachricht", goals=[13])
    by_partnership = client.get(f"/news/?partnership={partnership.key}").content.decode()
    assert "Kumasi-Nachricht" in by_partnership and "Klima-Nachricht" not in by_partnership
    by_goal = client.get("/news/?sdg=13").content.decode()
    assert "Klima-Nachricht" in by_goal and "Kumasi-Nachricht" not in by_goal
    assert client.get("/news/?sdg=99").status_code == 200


def test_an_article_shows_in_english_with_its_photo_credit_and_links(client, kumasi):
    article = make_article(
        title_en="Kumasi plan adopted", partnerships=[_partnership(kumasi)], goals=[13]
    )
    services.article_add_image(
        actor=office_user(),
        article=article,
        upload=photo(),
        credit="Bild: Stadt Dortmund",
        alt_text_de="Der Rat tagt",
        alt_text_en="The council in session",
    )
    page = client.get(f"/en/news/{article.key}/").content.decode()
    assert "Kumasi plan adopted" in page
    assert 'alt="The council in session"' in page
    assert "Bild: Stadt Dortmund" in page
    assert 'type="image/webp"' in page
    assert "/news-images/" in page
    assert "/en/partnerships/dortmund-kumasi-climate/" in page


def test_an_article_only_in_german_is_marked_as_german_on_the_english_page(client, kumasi):
    article = make_article(title_en="", lead_en="", body_en="")
    page = client.get(f"/en/news/{article.key}/").content.decode()
    assert 'lang="de"' in page
    assert "This article exists only in German." in page


def test_hostile_html_from_the_editor_never_reaches_the_page(client, kumasi):
    article = make_article(body_de=HOSTILE, body_en=HOSTILE)
    for path in (f"/news/{article.key}/", f"/en/news/{article.key}/"):
        page = client.get(path).content.decode()
        body = page[page.index('class="news-article"') :]
        for hostile in ("<script>alert", "onmouseover", "onerror", "javascript:", "<iframe"):
            assert hostile not in body
        assert "evil.example" not in body
        assert 'style="color' not in body
        assert 'href="https://www.dortmund.de/"' in body


def test_a_draft_or_scheduled_article_is_not_found(client, kumasi):
    draft = make_article(published=False)
    scheduled = make_article(at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(f"/news/{draft.key}/").status_code == 404
    assert client.get(f"/news/{scheduled.key}/").status_code == 404


def test_the_partnership_and_city_pages_show_their_news(client, kumasi):
    make_article(title_de="Kumasi beschließt den Plan", partnerships=[_partnership(kumasi)])
    make_article(title_de="Eine andere Nachricht")
    for path in ("/partnerships/dortmund-kumasi-climate/", f"/cities/{kumasi.geonames_id}/"):
        page = client.get(path).content.decode()
        assert "Kumasi beschließt den Plan" in page
        assert "Eine andere Nachricht" not in page


def test_a_photo_is_served_with_a_years_cache_lifetime_and_only_while_public(client, kumasi):
    article = make_article()
    image = services.article_add_image(
        actor=office_user(), article=article, upload=photo(), credit="A", alt_text_de="B"
    )
    address = f"/news-images/{image.rendition_name(480, 'webp')}"
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    services.article_save(actor=office_user(), article=article, title_de="x", status="draft")
    assert client.get(address).status_code == 404
    assert client.get(f"/news-images/{image.digest}-481.webp").status_code == 404
    assert client.get("/news-images/..%2Fsettings.py").status_code == 404


def test_the_portals_content_security_policy_is_unchanged_on_news_pages(client, kumasi):
    article = make_article()
    news = client.get("/news/")
    detail = client.get(f"/news/{article.key}/")
    imprint = client.get("/imprint/")
    assert news["Content-Security-Policy"] == imprint["Content-Security-Policy"]
    assert detail["Content-Security-Policy"] == imprint["Content-Security-Policy"]
    assert "img-src 'self' data:" in news["Content-Security-Policy"]
