"""Numbers in the office's addresses that are not numbers the database can hold: not found,
never a server error."""

import pytest

from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("version", ["9223372036854775808", "1" * 40, "0"])
def test_a_file_version_that_cannot_exist_is_not_found(client, worlds, version):
    sign_in_with_two_factors(client, make_user(role="office"))
    document = worlds["own"].document

    response = client.get(f"/office/documents/{document.pk}/file/", {"version": version})

    assert response.status_code == 404


@pytest.mark.parametrize("version", ["²", "x", ""])
def test_a_version_that_is_not_a_number_is_ignored_and_the_current_file_served(
    client, worlds, version
):
    sign_in_with_two_factors(client, make_user(role="office"))
    document = worlds["own"].document

    response = client.get(f"/office/documents/{document.pk}/file/", {"version": version})

    assert response.status_code == 200


@pytest.mark.parametrize("subject", ["²", "9223372036854775808"])
def test_a_new_activity_for_a_partnership_that_cannot_exist_is_not_found(client, subject):
    sign_in_with_two_factors(client, make_user(role="office"))

    response = client.get("/office/activities/new/", {"partnership": subject})

    assert response.status_code == 404
