"""A public page per partnership: its history, themes, goals, actors, projects and sources;
never an internal record or an office note."""

import datetime

from partnerwerk.partnerships.models import Step
from partnerwerk.testing import (
    make_activity,
    make_partnership,
    make_person,
    make_project,
    make_source,
)


def test_a_partnership_page_shows_its_history_themes_goals_actors_projects_and_sources(
    client, kumasi
):
    partnership = kumasi.partner_partnerships.get()
    partnership.sources.add(make_source(title="Ratsbeschluss 2021", url="https://example.org/r"))
    text = client.get("/partnerships/dortmund-kumasi-climate/").text
    assert "<h1>Klimapartnerschaft mit Kumasi</h1>" in text
    assert "Dezember 2021" in text  # a month-precise step shows no day
    assert "14. Mai 2022" in text
    assert "Abfallwirtschaft" in text  # its theme
    assert 'href="/sdg/13/"' in text
    assert "Auslandsbüro" in text  # who is involved
    assert 'href="/projects/waste-project/"' in text
    assert "Delegationsreise nach Kumasi" in text  # its activity
    assert 'href="https://example.org/r"' in text and "Ratsbeschluss 2021" in text
    assert 'href="/cities/2298890/"' in text


def test_the_page_never_shows_an_office_note_an_internal_project_or_an_internal_person(
    client, kumasi
):
    partnership = kumasi.partner_partnerships.get()
    Step.objects.filter(partnership=partnership).update(office_note="Seite 002 ist undatiert")
    make_project(key="secret-project", title_de="Geheimprojekt", partnerships=[partnership])
    partnership.projects.filter(key="secret-project").update(visibility="internal")
    person = make_person(name="Interne Person", visibility="internal")
    partnership.involvements.create(person=person, role="contact")
    text = client.get("/partnerships/dortmund-kumasi-climate/").text
    assert "Seite 002" not in text and "undatiert" not in text
    assert "Geheimprojekt" not in text
    assert "Interne Person" not in text


def test_an_internal_partnership_has_no_page(client, kumasi):
    kumasi.partner_partnerships.update(visibility="internal")
    assert client.get("/partnerships/dortmund-kumasi-climate/").status_code == 404
    assert client.get("/en/partnerships/dortmund-kumasi-climate/").status_code == 404


def test_a_registry_relation_and_an_unknown_key_have_no_page(client, kumasi, home):
    make_partnership(key="registry-pair", home=home, partner=kumasi, origin="registry")
    assert client.get("/partnerships/registry-pair/").status_code == 404
    assert client.get("/partnerships/no-such-partnership/").status_code == 404


def test_the_page_links_the_partnership_it_grew_out_of(client, kumasi, home):
    earlier = make_partnership(key="kumasi-solidarity", home=home, partner=kumasi, kind="contact")
    later = kumasi.partner_partnerships.get(key="dortmund-kumasi-climate")
    later.succeeds = earlier
    later.save()
    text = client.get("/en/partnerships/dortmund-kumasi-climate/").text
    assert (
        'This partnership continues the earlier <a href="/en/partnerships/kumasi-solidarity/">'
        "contact</a>." in text
    )
    assert (
        'href="/en/partnerships/dortmund-kumasi-climate/"'
        in client.get("/en/partnerships/kumasi-solidarity/").text
    )


def test_an_internal_predecessor_is_not_linked(client, kumasi, home):
    earlier = make_partnership(
        key="kumasi-hidden", home=home, partner=kumasi, kind="contact", visibility="internal"
    )
    later = kumasi.partner_partnerships.get(key="dortmund-kumasi-climate")
    later.succeeds = earlier
    later.save()
    text = client.get("/en/partnerships/dortmund-kumasi-climate/").text
    assert "kumasi-hidden" not in text


def test_the_page_lists_ten_activities_and_links_to_the_rest(client, kumasi):
    partnership = kumasi.partner_partnerships.get()
    for number in range(11):
        make_activity(
            key=f"meeting-{number}",
            title_de=f"Treffen {number}",
            kind="meeting",
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            partnerships=[partnership],
        )
    text = client.get("/partnerships/dortmund-kumasi-climate/").text
    # The newest ten of its twelve activities (the fixture's delegation of 2023 among them).
    assert 'href="/activities/delegation-2023/"' in text
    assert 'href="/activities/meeting-10/"' in text and 'href="/activities/meeting-2/"' in text
    assert 'href="/activities/meeting-1/"' not in text
    assert 'href="/activities/?partnership=dortmund-kumasi-climate"' in text


def test_the_city_page_links_each_partnership_to_its_page(client, kumasi, home):
    make_partnership(key="dortmund-kumasi-twinning", home=home, partner=kumasi)
    text = client.get("/cities/2298890/").text
    assert 'href="/partnerships/dortmund-kumasi-climate/"' in text
    assert 'href="/partnerships/dortmund-kumasi-twinning/"' in text


def test_the_city_page_has_a_map_of_the_city_and_the_home_city(client, kumasi):
    response = client.get("/en/cities/2298890/")
    assert '<div id="partner-map" class="map city-map"' in response.text
    assert "vendor/leaflet/leaflet.js" in response.text
    data = response.context["map"]
    assert data["home"]["name"] == "Dortmund"
    assert [city["name"] for city in data["cities"]] == ["Kumasi"]
