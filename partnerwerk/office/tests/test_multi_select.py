"""Multiple choices with a search: every multiple select of an office form is marked for the
search script (office/multi-select.js) with its texts in the reader's language, stays an
ordinary multiple select that posts without JavaScript, and still offers only what the user
may read."""

import pytest
from django import forms as django_forms
from lxml import html

from partnerwerk.office.kinds import KINDS
from partnerwerk.projects.models import Project
from partnerwerk.testing import (
    make_partnership,
    make_place,
    make_project,
    make_theme,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


def _multiple_selects(response) -> list:
    assert response.status_code == 200
    return html.fromstring(response.content).xpath(
        "//form[@class='office-form']//select[@multiple]"
    )


@pytest.mark.parametrize("slug", sorted(KINDS))
def test_every_multiple_choice_of_an_office_form_is_searchable(slug):
    form = KINDS[slug].form(user=make_user(role="office"))
    for name, field in form.fields.items():
        if isinstance(field.widget, django_forms.SelectMultiple):
            assert "data-multi-select" in field.widget.attrs, name


def test_the_project_form_offers_partnerships_themes_and_sources_with_a_search(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    selects = _multiple_selects(client.get("/office/projects/new/"))
    assert {select.get("name") for select in selects} >= {"partnerships", "themes", "sources"}
    for select in selects:
        assert select.get("data-multi-select") == ""
        assert select.get("data-placeholder") == "Zum Suchen tippen"
        assert select.get("data-no-results") == "Nichts gefunden."
        assert select.get("data-remove-label") == "Entfernen"


def test_the_search_texts_follow_the_reader_s_language(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    [select, *_] = _multiple_selects(client.get("/en/office/projects/new/"))
    assert select.get("data-placeholder") == "Type to search"


def test_the_office_pages_load_the_search_script(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    page = html.fromstring(client.get("/office/projects/new/").content)
    scripts = page.xpath("//script/@src")
    assert any(src.endswith("office/multi-select.js") for src in scripts)
    # Tom Select comes first (scripts with `defer` run in the order of the page).
    tom_select = next(i for i, src in enumerate(scripts) if "tom-select" in src)
    ours = next(i for i, src in enumerate(scripts) if src.endswith("multi-select.js"))
    assert tom_select < ours


def test_a_counterpart_s_multiple_choice_offers_only_their_partnership(client):
    home = make_place(name="Dortmund")
    own = make_partnership(home=home, partner=make_place(name="Leeds", country="GB"))
    make_partnership(home=home, partner=make_place(name="SECRET-CITY"), visibility="internal")
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own))
    response = client.get(f"/office/activities/new/?partnership={own.pk}")
    [partnerships] = [s for s in _multiple_selects(response) if s.get("name") == "partnerships"]
    assert partnerships.xpath("./option/@value") == [str(own.pk)]
    assert "SECRET-CITY" not in response.content.decode()


def test_without_javascript_the_form_posts_several_choices(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    first, second = make_partnership(), make_partnership()
    themes = [make_theme(), make_theme()]
    response = client.post(
        "/office/projects/new/",
        {
            "title_de": "Mehrfach verbunden",
            "status": "planned",
            "visibility": "public",
            "partnerships": [first.pk, second.pk],
            "themes": [theme.pk for theme in themes],
        },
    )
    assert response.status_code == 302
    project = Project.objects.get(title_de="Mehrfach verbunden")
    assert set(project.partnerships.all()) == {first, second}
    assert set(project.themes.all()) == set(themes)


def test_a_record_s_chosen_entries_stay_selected_in_the_select(client):
    sign_in_with_two_factors(client, make_user(role="office"))
    chosen = make_partnership()
    make_partnership()
    project = make_project(partnerships=[chosen])
    [partnerships] = [
        s
        for s in _multiple_selects(client.get(f"/office/projects/{project.pk}/"))
        if s.get("name") == "partnerships"
    ]
    assert partnerships.xpath("./option[@selected]/@value") == [str(chosen.pk)]
