import datetime

import pytest
from django.conf import settings
from django.core.cache import cache

from partnerwerk.documents.models import Document
from partnerwerk.testing import (
    make_activity,
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
    make_project,
    make_theme,
)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return make_place(
        geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID,
        name="Dortmund",
        name_de="Dortmund",
        name_en="Dortmund",
        latitude=51.51,
        longitude=7.47,
    )


@pytest.fixture
def kumasi(db, home):
    """A partner city with one partnership and everything a city page shows."""
    place = make_place(
        geonames_id=2298890,
        name="Kumasi",
        country="GH",
        continent="AF",
        region="Ashanti",
        population=1_468_609,
        population_year=2010,
        population_source="GeoNames",
        latitude=6.69,
        longitude=-1.62,
        description_de="Kumasi ist die Hauptstadt der Region Ashanti.",
    )
    theme = make_theme(code="waste-management", name_de="Abfallwirtschaft", name_en="Waste")
    partnership = make_partnership(
        key="dortmund-kumasi-climate",
        home=home,
        partner=place,
        kind="climate",
        description_de="Eine Klimapartnerschaft seit 2021.",
        themes=[theme],
        sdgs=[13],
        steps=[
            {"kind": "council_mandate", "on": datetime.date(2021, 12, 1), "precision": "month"},
            {"kind": "agreement_signed", "on": datetime.date(2022, 5, 14)},
        ],
    )
    office = make_organisation(
        key="office",
        name="Auslandsbüro",
        name_en="Office for International Relations",
        place=home,
        address="Friedensplatz 1\n44135 Dortmund",
    )
    make_person(name="Erika Muster", organisation=office, email="erika@example.org")
    make_involvement(organisation=office, partnership=partnership, role="coordinator")
    project = make_project(
        key="waste-project", title_de="Abfallprojekt", partnerships=[partnership], sdgs=[12]
    )
    make_activity(
        key="delegation-2023",
        title_de="Delegationsreise nach Kumasi",
        kind="delegation_visit",
        start_date=datetime.date(2023, 2, 1),
        start_precision="month",
        partnerships=[partnership],
        project=project,
        place=place,
        sdgs=[13],
    )
    Document.objects.create(
        key="kumasi-photo",
        kind="photo",
        title_de="Übergabe",
        file="documents/2023/kumasi.jpg",
        credit="Bild: Stadt Dortmund",
        alt_text_de="Zwei Menschen geben sich die Hand.",
        visibility="public",
        partnership=partnership,
    )
    return place
