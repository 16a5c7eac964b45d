import pytest

from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/accounts/membership/", "/admin/accounts/invitation/"])
def test_administrators_see_roles_and_invitations_in_the_admin(client, path):
    sign_in_with_two_factors(client, make_user(is_superuser=True, is_staff=True))
    assert client.get(path).status_code == 200


def test_office_staff_do_not_reach_the_admin(client):
    sign_in_with_two_factors(client, make_user(role="office", is_staff=True))
    assert client.get("/admin/accounts/membership/").status_code == 302
