import re

import pytest

PAGES = [
    "/",
    "/partnerships/",
    "/partnerships/?kind=climate&q=kumasi&sort=-since",
    "/cities/2298890/",
    "/partnerships/dortmund-kumasi-climate/",
    "/projects/",
    "/projects/waste-project/",
    "/activities/",
    "/activities/?kind=delegation_visit&partnership=dortmund-kumasi-climate&year=2023",
    "/activities/delegation-2023/",
    "/sdg/",
    "/sdg/13/",
    "/contact/",
    "/imprint/",
    "/privacy/",
    "/accessibility/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_page_answers_in_german_and_english(client, kumasi, path, prefix):
    response = client.get(prefix + path)
    assert response.status_code == 200
    language = "en" if prefix else "de"
    assert f'<html lang="{language}">' in response.text


def test_the_home_page_counts_partnerships_by_kind_and_lists_partner_cities(client, kumasi):
    response = client.get("/")
    assert 'href="/partnerships/?kind=climate"' in response.text
    assert 'href="/cities/2298890/"' in response.text
    assert 'id="map-data"' in response.text
    assert "Delegationsreise nach Kumasi" in response.text


def test_a_city_page_shows_facts_its_partnerships_a_map_and_contact(client, kumasi):
    text = client.get("/cities/2298890/").text
    assert "Ashanti" in text
    assert "1468609" in text or "1.468.609" in text
    # Each partnership links to its own page, which holds its history.
    assert 'href="/partnerships/dortmund-kumasi-climate/"' in text
    assert "Dezember 2021" not in text
    assert 'id="partner-map"' in text and 'id="map-data"' in text
    assert "Abfallprojekt" in text
    assert "Bild: Stadt Dortmund" in text
    assert 'alt="Zwei Menschen geben sich die Hand."' in text
    assert "Friedensplatz 1" in text
    assert "Erika Muster" in text


def test_a_place_that_is_no_partner_has_no_page(client, home):
    assert client.get(f"/cities/{home.geonames_id}/").status_code == 404


def test_english_pages_mark_texts_that_exist_only_in_german(client, kumasi):
    text = client.get("/en/cities/2298890/").text
    assert "This text is available in German only." in text
    assert '<div class="text" lang="de">' in text
    german = client.get("/cities/2298890/").text
    assert "only in German" not in german and 'class="fallback-note"' not in german


def test_the_language_switch_links_to_the_same_page(client, kumasi):
    assert 'href="/en/cities/2298890/"' in client.get("/cities/2298890/").text
    assert 'href="/cities/2298890/"' in client.get("/en/cities/2298890/").text


def test_the_404_page_is_in_the_portal_layout(client, db):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="skip-link"' in response.text
    assert "portal/portal.css" in response.text


def test_every_page_sends_the_security_headers(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


EXTERNAL = re.compile(r"""<(script|link|img)\b[^>]*\b(src|href)=["'](https?:)?//""", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_other_hosts_and_have_no_inline_code(client, kumasi, path):
    text = client.get(path).text
    assert not EXTERNAL.search(text)
    assert not INLINE_SCRIPT.search(text)
    assert " style=" not in text


def test_the_sdg_page_lists_what_serves_the_goal(client, kumasi):
    text = client.get("/sdg/13/").text
    assert (
        '<a href="/partnerships/dortmund-kumasi-climate/">Kumasi (Klimapartnerschaft)</a>' in text
    )
    assert "Delegationsreise nach Kumasi" in text


def test_the_sdg_overview_shows_each_goal_as_chart_and_table(client, kumasi):
    text = client.get("/en/sdg/").text
    assert "What serves each goal" in text
    assert '<svg role="img"' in text
    table = text[text.index('<table class="sdg-table">') :]
    assert table.count('<tr>\n        <th scope="row">') == 17
    # Kumasi's partnership serves goal 13: its row counts one significant partnership.
    row = table[table.index(">13 ") :]
    assert [cell.split("<")[0] for cell in row.split("<td>")[1:3]] == ["0", "1"]


def test_internal_partnerships_are_not_shown(client, kumasi):
    partnership = kumasi.partner_partnerships.get()
    partnership.visibility = "internal"
    partnership.save()
    assert client.get("/cities/2298890/").status_code == 404
    assert "Kumasi" not in client.get("/partnerships/").text


def test_the_500_page_renders_without_a_request_or_database(db):
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "portal/portal.css" in html
    assert "<h1>" in html


def test_the_home_page_embeds_the_map_data_as_json(client, kumasi):
    response = client.get("/en/")
    data = response.context["map"]
    assert data["home"]["name"] == "Dortmund"
    (city,) = data["cities"]
    assert city == {
        "name": "Kumasi",
        "lat": 6.69,
        "lon": -1.62,
        "kind": "climate",
        "status": "active",
        "label": "climate partnership (active)",
        "url": "/en/cities/2298890/",
    }
    assert '<script id="map-data" type="application/json">' in response.text


def test_the_home_page_sentence_counts_what_its_cards_add_up_to(client, kumasi, home):
    from partnerwerk.testing import make_partnership

    make_partnership(key="dortmund-leeds-twinning", home=home)  # no step: not active
    make_partnership(key="dortmund-amiens-twinning", home=home)
    response = client.get("/")
    cards = response.context["kind_counts"]
    assert sum(card["count"] for card in cards) == 3
    text = " ".join(response.text.split())
    assert "3 Partnerschaften insgesamt, davon 1 aktiv; nach Art:" in text
    assert '<span class="count">2</span> Städtepartnerschaften' in text
    assert '<span class="count">1</span> Klimapartnerschaft<' in text
