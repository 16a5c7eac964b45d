"""The Atom feed of the news, one per language, read back by a feed reader (feedparser)."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from partnerwerk.content.tests.factories import make_article

pytestmark = pytest.mark.django_db


def _feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_the_german_and_english_feeds_are_valid_atom_in_their_language(client, home):
    article = make_article(
        title_de="Kumasi beschließt den Plan",
        title_en="Kumasi adopts the plan",
        lead_de="Der Rat hat entschieden.",
        lead_en="The council has decided.",
        goals=[13],
    )
    german = _feed(client, "/news/feed/")
    english = _feed(client, "/en/news/feed/")
    assert german.version == "atom10" and english.version == "atom10"
    assert german.feed.language == "de" and english.feed.language == "en"
    assert [entry.title for entry in german.entries] == ["Kumasi beschließt den Plan"]
    assert [entry.title for entry in english.entries] == ["Kumasi adopts the plan"]
    assert english.entries[0].summary == "The council has decided."
    assert english.entries[0].link == f"http://testserver/en/news/{article.key}/"
    assert german.entries[0].link == f"http://testserver/news/{article.key}/"
    assert "/en/" not in german.entries[0].link
    assert english.entries[0].published_parsed is not None


def test_the_feed_holds_no_draft_and_no_article_before_its_time(client, home):
    make_article(title_de="Öffentlich")
    make_article(title_de="Entwurf", published=False)
    make_article(title_de="Geplant", at=timezone.now() + datetime.timedelta(hours=1))
    titles = [entry.title for entry in _feed(client, "/news/feed/").entries]
    assert titles == ["Öffentlich"]


def test_an_article_without_a_lead_is_summarised_by_its_text_without_markup(client, home):
    make_article(lead_de="", lead_en="", body_de="<h2>Zwischentitel</h2><p>Erster <b>Satz</b>.</p>")
    entry = _feed(client, "/news/feed/").entries[0]
    assert entry.summary == "Zwischentitel Erster Satz ."
