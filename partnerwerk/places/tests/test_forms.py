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


def _submitted(**data):
    form = CityForm(data)
    with translation.override("en"):
        form.is_valid()
        return form, form.as_div()


def test_a_typed_name_of_one_place_is_that_place():
    kumasi = _place(KUMASI)
    form, _ = _submitted(city="kumasi")
    assert form.cleaned_data["city"] == kumasi


def test_a_german_name_is_understood_too():
    seville = _place(SEVILLE)
    seville.name_en = "Seville"
    seville.save()
    assert _submitted(city="Sevilla, Spanien")[0].cleaned_data["city"] == seville
    assert _submitted(city="Seville")[0].cleaned_data["city"] == seville


def test_an_ambiguous_name_lists_the_places_by_name_country_and_population_to_choose():
    _place(SEVILLE), _place(SEVILLA_COLOMBIA)
    form, html = _submitted(city="Sevilla")
    assert "several places are called “Sevilla”" in form.errors["city"][0]
    assert "Partner city" in form.errors["city"][0]
    assert "Sevilla, Spain · 686,741 inhabitants" in html
    assert "Sevilla, Colombia · 43,738 inhabitants" in html
    assert 'name="city__choice" value="2510911"' in html


def test_a_chosen_place_among_namesakes_is_taken():
    spain = _place(SEVILLE)
    _place(SEVILLA_COLOMBIA)
    form, _ = _submitted(city="Sevilla", city__choice=str(SEVILLE))
    assert form.cleaned_data["city"] == spain


def test_an_unknown_name_says_which_field_and_what_to_do():
    _place(KUMASI)
    form, _ = _submitted(city="Atlantis")
    message = form.errors["city"][0]
    assert message.startswith("Partner city: no place called “Atlantis” is known")


def test_the_pickers_answer_is_the_places_ref():
    kumasi, unmatched = _place(KUMASI), make_place(geonames_id=None, name="Dabola")
    assert _submitted(city=str(KUMASI))[0].cleaned_data["city"] == kumasi
    assert _submitted(city=f"p{unmatched.pk}")[0].cleaned_data["city"] == unmatched
    assert "this place is not known" in _submitted(city="p999999")[0].errors["city"][0]


def test_a_chosen_place_is_shown_by_name_and_country_and_stays_the_same_place():
    _place(SEVILLE), _place(SEVILLA_COLOMBIA)
    form = CityForm(initial={"city": _place(SEVILLA_COLOMBIA).pk})
    with translation.override("en"):
        html = form.as_div()
    assert 'value="Sevilla, Colombia"' in html
    assert 'value="3668132"' in html
    # Sent back unchanged (without JavaScript), the name with its ref is the same place.
    form, _ = _submitted(city="Sevilla, Colombia", city__ref="3668132")
    assert form.cleaned_data["city"].geonames_id == SEVILLA_COLOMBIA
