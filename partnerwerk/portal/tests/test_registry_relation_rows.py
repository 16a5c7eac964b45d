"""The relation list's rows, written from plain values in one call (decision 0036), read as
the place links of every other registry page: the name in the reader's language, linked to
the city's page, with country and region, and every character escaped."""

import pytest
from django.template import Context, Template
from django.utils import translation

from partnerwerk.partnerships.models import PartnershipOrigin
from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


def _links_of(place) -> str:
    return Template("{% load registry %}{% place_link place %}").render(Context({"place": place}))


def test_a_relation_row_links_both_cities_as_place_link_does_with_names_escaped(client):
    home = make_place(
        name="Saint-Jean-d'Angély", name_en="St Jean <d'Angély>", country="FR", region="A & B"
    )
    partner = make_place(name="Kumasi", country="GH", geonames_id=None)
    make_partnership(home=home, partner=partner, origin=PartnershipOrigin.REGISTRY, kind="twinning")
    for language, prefix in (("de", ""), ("en", "/en")):
        page = client.get(f"{prefix}/registry/relations/?country=FR").content.decode()
        with translation.override(language):
            home_link, partner_link = _links_of(home), _links_of(partner)
        assert f"<tr><td>{home_link}</td><td>{partner_link}</td>" in page
    assert "St Jean &lt;d&#x27;Angély&gt;</a> (France, A &amp; B)" in page
    assert f'href="/en/registry/cities/p{partner.pk}/"' in page
