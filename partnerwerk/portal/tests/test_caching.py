"""The portal serves pages from the cache, per language, and never an outdated one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.partnerships.models import Partnership
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


def queries(client, path: str, **extra) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_second_visit_is_served_from_the_cache_without_queries(client, home):
    make_partnership(home=home, partner=make_place(name="Leeds", country="GB"))
    first, page = queries(client, "/partnerships/")
    second, cached = queries(client, "/partnerships/")
    assert first > 0
    assert second == 0
    assert cached == page


def test_german_and_english_pages_are_cached_apart(client, home):
    queries(client, "/partnerships/")
    _, english = queries(client, "/en/partnerships/")
    assert '<html lang="en">' in english


def test_a_change_to_a_partner_city_shows_at_once(client, home):
    leeds = make_place(name="Leeds", country="GB")
    make_partnership(home=home, partner=leeds)
    queries(client, "/partnerships/")
    leeds.name = "Leodis"
    leeds.save()
    count, page = queries(client, "/partnerships/")
    assert count > 0
    assert "Leodis" in page


def test_a_deleted_partnership_disappears_at_once(client, home):
    partnership = make_partnership(home=home, partner=make_place(name="Leeds", country="GB"))
    assert "Leeds" in queries(client, "/partnerships/")[1]
    Partnership.all_objects.filter(pk=partnership.pk).delete()
    assert "Leeds" not in queries(client, "/partnerships/")[1]


def test_each_filter_state_has_its_own_cached_page(client, home):
    make_partnership(home=home, partner=make_place(name="Leeds", country="GB"))
    make_partnership(home=home, partner=make_place(name="Amiens", country="FR"))
    everything = queries(client, "/partnerships/")[1]
    only_france = queries(client, "/partnerships/?country=FR")[1]
    assert "Leeds" in everything
    assert "Leeds" not in only_france


def test_a_visitor_with_a_session_gets_a_fresh_page(client, home, settings):
    queries(client, "/partnerships/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    count, _ = queries(client, "/partnerships/")
    assert count > 0


def test_with_the_answer_cache_off_every_visit_computes_the_page(client, home, settings):
    settings.PARTNERWERK_CACHE_ANSWERS = False
    make_partnership(home=home, partner=make_place(name="Leeds", country="GB"))
    first, page = queries(client, "/partnerships/")
    second, again = queries(client, "/partnerships/")
    assert first > 0
    assert second == first
    assert again == page
