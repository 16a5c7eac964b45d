"""Public reads of organisations and people (actors/selectors.py)."""

import pytest

from partnerwerk.actors.selectors import office_contact, public_involvements_prefetch
from partnerwerk.partnerships.models import Partnership
from partnerwerk.testing import (
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(settings):
    place = make_place(name="Dortmund")
    settings.PARTNERWERK_HOME_GEONAMES_ID = place.geonames_id
    return place


def _coordinating(office, count, **partnership_fields):
    for _number in range(count):
        make_involvement(
            organisation=office,
            partnership=make_partnership(**partnership_fields),
            role="coordinator",
        )


def test_the_office_is_the_home_citys_department_coordinating_most_public_partnerships(home):
    international = make_organisation(name="Auslandsgesellschaft", place=home)
    protocol = make_organisation(name="Protokoll", place=home)
    _coordinating(international, 2)
    # More partnerships, but internal ones count for nothing on the public site.
    _coordinating(protocol, 3, visibility="internal")
    assert office_contact()["office"] == international


def test_the_office_contact_is_a_public_person_never_an_internal_one(home):
    office = make_organisation(name="Büro für Internationales", place=home)
    _coordinating(office, 1)
    make_person(name="Anna Intern", organisation=office, visibility="internal")
    make_person(name="Berta Öffentlich", organisation=office)
    assert office_contact()["person"].name == "Berta Öffentlich"


def test_without_a_public_person_the_office_is_shown_without_a_contact(home):
    office = make_organisation(place=home)
    make_person(organisation=office, visibility="internal")
    assert office_contact() == {"office": office, "person": None}


def test_an_internal_person_is_never_named_among_the_public_involvements():
    partnership = make_partnership()
    school = make_organisation(name="Schule")
    make_involvement(organisation=school, partnership=partnership)
    shown = make_involvement(person=make_person(name="Öffentlich"), partnership=partnership)
    make_involvement(
        person=make_person(name="Intern", visibility="internal"), partnership=partnership
    )
    loaded = Partnership.objects.prefetch_related(public_involvements_prefetch()).get(
        pk=partnership.pk
    )
    involvements = list(loaded.involvements.all())
    assert {involvement.organisation for involvement in involvements} == {school, None}
    assert [i.person for i in involvements if i.person] == [shown.person]
