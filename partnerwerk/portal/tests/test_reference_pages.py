"""Portal pages over the shipped reference data: founding years, report dates, no office notes."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.partnerships.models import Partnership, Step

AMIENS, ROSTOV, KUMASI = 3037854, 501175, 2298890


@pytest.fixture
def reference(db):
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)


def _page(client, language: str, name: str, *args) -> str:
    with override(language):
        path = reverse(name, args=args)
    response = client.get(path)
    assert response.status_code == 200, path
    return " ".join(response.content.decode().split())


def test_the_amiens_page_says_seit_1960(client, reference):
    page = _page(client, "de", "portal:city", AMIENS)
    assert "seit 1960" in page


def test_no_partnership_page_or_list_says_since_unknown(client, reference):
    partners = Partnership.objects.curated().public().values_list("partner__geonames_id")
    pages = [("portal:partnerships",)]
    pages += [("portal:city", geonames_id) for (geonames_id,) in set(partners)]
    keys = Partnership.objects.curated().public().values_list("key", flat=True)
    pages += [("portal:partnership", key) for key in keys]
    for language in ("de", "en"):
        for name, *args in pages:
            page = _page(client, language, name, *args)
            assert "unbekannt" not in page and "unknown" not in page, (language, name, args)


def test_the_rostov_suspension_reads_as_reported_in_2023(client, reference):
    page = _page(client, "en", "portal:partnership", "dortmund-rostov-twinning")
    assert "according to a report of 2023" in page
    assert "since 1977" in page
    assert "since 1977" in _page(client, "en", "portal:city", ROSTOV)


def test_the_kumasi_timeline_shows_no_editorial_note_but_its_sources_by_title(client, reference):
    kumasi = Partnership.objects.curated().filter(partner__geonames_id=KUMASI)
    keys = kumasi.values_list("key", flat=True)
    page = " ".join(_page(client, "de", "portal:partnership", key) for key in keys)
    page += _page(client, "de", "portal:city", KUMASI)
    for note in Step.objects.filter(partnership__partner__geonames_id=KUMASI).exclude(
        office_note=""
    ):
        assert " ".join(note.office_note.split())[:60] not in page
    assert "angehenden" not in page and "undatiert" not in page
    assert "Seite 00" not in page and ".txt" not in page
    assert "Kumasi in Ghana ist Dortmunds zehnte Partnerstadt (Pressemitteilung)</cite></a>" in page
