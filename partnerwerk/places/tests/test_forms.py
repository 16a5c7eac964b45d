"""The place picker without JavaScript: a typed name is resolved on the server."""

import pytest
from django import forms
from django.utils import translation

from partnerwerk.places.forms import PlaceField
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.services import place_get_or_create
from partnerwerk.testing import make_place

pytestmark = pytest.mark.django_db

KUMASI, SEVILLE, SEVILLA_COLOMBIA = 2298890, 2510911, 3668132


class CityForm(forms.Form):
    city = PlaceField(label="Partner city", source="/places/search/")


def _place(geonames_id):
    return place_get_or_create(geonames_id=geonames_id, facts=city_facts(geonames_id))


class Submitted:
    """A bound form, its messages and its HTML as an English-speaking reader gets them."""

    def __init__(self, data):
        self.form = CityForm(data)
        with translation.override("en"):
            self.form.is_valid()
            self.errors = {
                name: [str(e) for e in errors] for name, errors in self.form.errors.items()
            }
            self.html = self.form.as_div()

    @property
    def place(self):
        return self.form.cleaned_data["city"]


def _submitted(**data) -> Submitted:
    return Submitted(data)


def test_a_typed_name_of_one_place_is_that_place():
    kumasi = _place(KUMASI)
    assert _submitted(city="kumasi").place == kumasi


def test_a_german_name_is_understood_too():
    seville = _place(SEVILLE)
    seville.name_en = "Seville"
    seville.save()
    assert _submitted(city="Sevilla, Spanien").place == seville
    assert _submitted(city="Seville").place == seville


def test_an_ambiguous_name_lists_the_places_by_name_country_and_population_to_choose():
    _place(SEVILLE), _place(SEVILLA_COLOMBIA)
    submitted = _submitted(city="Sevilla")
    [message] = submitted.errors["city"]
    assert message.startswith("Partner city: several places are called “Sevilla”")
    assert "Sevilla, Spain · 686,741 inhabitants" in submitted.html
    assert "Sevilla, Colombia · 43,738 inhabitants" in submitted.html
    assert 'name="city__choice" value="2510911"' in submitted.html


def test_a_chosen_place_among_namesakes_is_taken():
    spain = _place(SEVILLE)
    _place(SEVILLA_COLOMBIA)
    assert _submitted(city="Sevilla", city__choice=str(SEVILLE)).place == spain


def test_an_unknown_name_says_which_field_and_what_to_do():
    _place(KUMASI)
    [message] = _submitted(city="Atlantis").errors["city"]
    assert message.startswith("Partner city: no place called “Atlantis” is known")


def test_the_pickers_answer_is_the_places_ref():
    kumasi, unmatched = _place(KUMASI), make_place(geonames_id=None, name="Dabola")
    assert _submitted(city=str(KUMASI)).place == kumasi
    assert _submitted(city=f"p{unmatched.pk}").place == unmatched
    assert _submitted(city="p999999").errors["city"] == ["Partner city: this place is not known."]


def test_a_chosen_place_is_shown_by_name_and_country_and_stays_the_same_place():
    _place(SEVILLE), _place(SEVILLA_COLOMBIA)
    form = CityForm(initial={"city": _place(SEVILLA_COLOMBIA).pk})
    with translation.override("en"):
        html = form.as_div()
    assert 'value="Sevilla, Colombia"' in html
    assert 'value="3668132"' in html
    # Sent back unchanged (without JavaScript), the name with its ref is the same place.
    assert _submitted(city="Sevilla, Colombia", city__ref="3668132").place.geonames_id == (
        SEVILLA_COLOMBIA
    )


class NewCityForm(forms.Form):
    city = PlaceField(label="Partner city", source="/places/search/", gazetteer=True)


def test_only_a_field_that_allows_new_places_finds_a_geonames_city_not_stored_yet():
    assert _submitted(city="Leeds").errors["city"][0].startswith("Partner city: no place called")
    form = NewCityForm({"city": "Leeds, Vereinigtes Königreich"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["city"].pk and form.cleaned_data["city"].geonames_id == 2644688


def test_geonames_namesakes_not_stored_yet_are_offered_to_choose():
    form = NewCityForm({"city": "Sevilla"})
    assert not form.is_valid()
    with translation.override("en"):
        html = form.as_div()
    assert f'value="{SEVILLE}"' in html and f'value="{SEVILLA_COLOMBIA}"' in html
    chosen = NewCityForm({"city": "Sevilla", "city__choice": str(SEVILLA_COLOMBIA)})
    assert chosen.is_valid() and chosen.cleaned_data["city"].country.code == "CO"
