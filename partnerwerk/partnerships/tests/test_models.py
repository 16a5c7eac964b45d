import datetime

import pytest
from django.db import IntegrityError, transaction

from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.places.models import Place
from partnerwerk.testing import make_partnership

pytestmark = pytest.mark.django_db


def place(geonames_id, name, country="DE", continent="EU"):
    return Place.objects.create(
        geonames_id=geonames_id, name=name, country=country, continent=continent
    )


def test_it_refuses_a_partnership_of_a_place_with_itself():
    dortmund = place(2935517, "Dortmund")
    with pytest.raises(IntegrityError), transaction.atomic():
        Partnership.objects.create(key="self", home=dortmund, partner=dortmund, kind="twinning")


def test_it_refuses_two_places_with_the_same_geonames_id():
    place(2298890, "Kumasi", "GH", "AF")
    with pytest.raises(IntegrityError), transaction.atomic():
        place(2298890, "Kumasi again", "GH", "AF")


def test_it_keeps_two_places_of_the_same_name_apart():
    place(200304, "Bondo", "KE", "AF")
    place(200305, "Bondo", "KE", "AF")
    assert Place.objects.filter(name="Bondo").count() == 2


def test_it_allows_several_places_without_a_geonames_id():
    place(None, "Somewhere")
    place(None, "Elsewhere")
    assert Place.objects.filter(geonames_id__isnull=True).count() == 2


def test_it_refuses_a_step_without_a_date():
    partnership = Partnership.objects.create(
        key="do-ku",
        home=place(2935517, "Dortmund"),
        partner=place(2298890, "Kumasi", "GH", "AF"),
        kind="twinning",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Step.objects.create(partnership=partnership, kind="visit", date=None)


def test_it_refuses_a_coordinate_outside_the_globe():
    with pytest.raises(IntegrityError), transaction.atomic():
        Place.objects.create(name="Nowhere", country="DE", continent="EU", latitude=91.0)


def test_it_allows_the_same_two_cities_several_partnerships_of_different_kinds():
    dortmund, kumasi = place(2935517, "Dortmund"), place(2298890, "Kumasi", "GH", "AF")
    for kind in ("climate", "project", "twinning"):
        Partnership.objects.create(key=f"do-ku-{kind}", home=dortmund, partner=kumasi, kind=kind)
    assert Partnership.objects.filter(home=dortmund, partner=kumasi).count() == 3


def test_it_refuses_the_same_curated_partnership_twice():
    dortmund, kumasi = place(2935517, "Dortmund"), place(2298890, "Kumasi", "GH", "AF")
    Partnership.objects.create(key="a", home=dortmund, partner=kumasi, kind="twinning")
    with pytest.raises(IntegrityError), transaction.atomic():
        Partnership.objects.create(key="b", home=dortmund, partner=kumasi, kind="twinning")


def test_a_step_date_keeps_its_precision():
    partnership = Partnership.objects.create(
        key="do-ku",
        home=place(2935517, "Dortmund"),
        partner=place(2298890, "Kumasi", "GH", "AF"),
        kind="climate",
    )
    step = Step.objects.create(
        partnership=partnership, kind="start", date=datetime.date(2011, 1, 1), date_precision="year"
    )
    step.refresh_from_db()
    assert (step.date, step.date_precision) == (datetime.date(2011, 1, 1), "year")


def test_it_refuses_a_partnership_that_succeeds_itself():
    partnership = make_partnership()
    partnership.succeeds = partnership
    with pytest.raises(IntegrityError), transaction.atomic():
        partnership.save()
