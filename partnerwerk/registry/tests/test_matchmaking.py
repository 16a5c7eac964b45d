import pytest

from partnerwerk.actors.models import Involvement
from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.registry.matchmaking import suggest_cities, suggest_people
from partnerwerk.testing import (
    make_organisation,
    make_partnership,
    make_place,
    make_project,
    make_theme,
)

pytestmark = pytest.mark.django_db


def _registry(home, partner):
    return make_partnership(home=home, partner=partner, origin=PartnershipOrigin.REGISTRY)


def test_partners_of_partners_abroad_are_suggested_with_the_partners_that_link_them():
    home = make_place(name="Dortmund", population=600_000)
    partner = make_place(name="Kumasi", country="GH")
    candidate = make_place(name="Wenzhou", country="CN", population=900_000, latitude=28)
    same_country = make_place(name="Bonn", country="DE")
    _registry(home, partner)
    _registry(partner, candidate)
    _registry(partner, same_country)
    suggestions = suggest_cities(for_place=home)
    assert [s.place for s in suggestions] == [candidate]
    reasons = " | ".join(suggestions[0].reasons)
    assert "Kumasi" in reasons
    assert "900" in reasons  # similar size, with the population
    assert "km" in reasons


def test_a_theme_suggests_cities_working_on_it_and_never_existing_partners():
    home = make_place()
    theme = make_theme(name_en="Waste management")
    working = make_place(name="Kumasi", country="GH")
    partner = make_place(name="Leeds", country="GB")
    make_partnership(home=make_place(country="FR"), partner=working, themes=[theme])
    make_partnership(home=home, partner=partner, themes=[theme])
    suggestions = suggest_cities(for_place=home, theme=theme)
    places = [s.place for s in suggestions]
    assert working in places and partner not in places
    found = next(s for s in suggestions if s.place == working)
    assert any(theme.name in reason for reason in found.reasons)


def test_people_at_home_with_experience_in_the_theme_are_suggested_with_what_they_did():
    home = make_place()
    theme = make_theme()
    office = make_organisation(place=home, name="Umweltamt")
    abroad = make_organisation(place=make_place(country="GH"), name="KMA")
    project = make_project(themes=[theme], title_de="Abfall")
    Involvement.objects.create(organisation=office, project=project, role="lead")
    Involvement.objects.create(organisation=abroad, project=project, role="partner")
    suggestions = suggest_people(theme=theme, home=home)
    assert [s.actor for s in suggestions] == [office]
    assert "Abfall" in suggestions[0].reasons[0]
