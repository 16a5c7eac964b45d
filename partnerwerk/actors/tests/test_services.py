import pytest

from partnerwerk.actors import services, services_import
from partnerwerk.actors.models import Involvement
from partnerwerk.testing import make_organisation, make_partnership, make_source

pytestmark = pytest.mark.django_db


def test_it_refuses_a_field_the_service_does_not_write():
    with pytest.raises(TypeError):
        services.organisation_create(actor=None, key="a", name="A", kind="city", status="x")


def test_an_update_changes_the_fields_given_and_keeps_the_others():
    organisation = make_organisation(key="stadt", name="Stadt", short_name="St")
    services.organisation_update(actor=None, organisation=organisation, name="Die Stadt")
    organisation.refresh_from_db()
    assert (organisation.name, organisation.short_name) == ("Die Stadt", "St")


def test_an_organisation_upsert_creates_then_finds_nothing_to_change():
    source = make_source()
    values = {
        "key": "verein",
        "name": "Verein",
        "kind": "association",
        "name_en": "",
        "short_name": "",
        "parent": None,
        "place": None,
        "address": "",
        "website": "",
        "description_de": "",
        "description_en": "",
        "sources": [source],
    }
    assert services_import.organisation_upsert(**values)[1] == "created"
    assert services_import.organisation_upsert(**values)[1] == "unchanged"


def test_an_imported_organisation_gets_a_key_no_other_organisation_has():
    make_organisation(key="verein")
    organisation = services_import.organisation_create_imported(
        key="verein", name="Verein", name_en="", kind="association", iati_identifier=""
    )
    assert organisation.key == "verein-2"


def test_an_involvement_upsert_names_exactly_one_actor():
    partnership = make_partnership()
    with pytest.raises(ValueError):
        services_import.involvement_upsert(subject=partnership, role="partner")
    organisation = make_organisation()
    involvement, state = services_import.involvement_upsert(
        subject=partnership, role="partner", organisation=organisation, note_de="Schule"
    )
    assert state == "created"
    assert Involvement.objects.get(partnership=partnership).note_de == "Schule"
