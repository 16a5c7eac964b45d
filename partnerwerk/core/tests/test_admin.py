import datetime

import pytest
from django.contrib.auth import get_user_model

from partnerwerk.testing import make_partnership, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client):
    """An administrator."""
    user = get_user_model().objects.create_superuser("alice", password="correct horse battery")
    sign_in_with_two_factors(client, user)
    return user


def test_an_administrator_edits_a_partnership_with_its_steps_inline(client, alice):
    partnership = make_partnership(
        steps=[{"kind": "council_decision", "on": datetime.date(2023, 2, 9)}]
    )
    response = client.get(f"/admin/partnerships/partnership/{partnership.pk}/change/")
    assert response.status_code == 200
    assert b"steps-TOTAL_FORMS" in response.content
    assert "Schritte" in response.content.decode()  # German by default


def test_the_admin_speaks_english_under_en(client, alice):
    response = client.get("/en/admin/partnerships/partnership/")
    assert response.status_code == 200
    assert "Select partnership to change" in response.content.decode()


def test_the_admin_search_and_filters_answer(client, alice):
    make_partnership(kind="climate")
    response = client.get("/admin/partnerships/partnership/?kind__exact=climate&q=Place")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/places/place/",
        "/admin/actors/organisation/",
        "/admin/actors/person/",
        "/admin/projects/project/",
        "/admin/projects/activity/",
        "/admin/programmes/programme/",
        "/admin/documents/document/",
        "/admin/sdg/goal/",
        "/admin/core/source/",
    ],
)
def test_every_admin_list_answers(client, alice, path):
    assert client.get(path).status_code == 200


def test_staff_who_are_not_administrators_cannot_enter_the_admin(client):
    bob = get_user_model().objects.create_user("bob", password="correct horse battery")
    bob.is_staff = True
    bob.save()
    client.force_login(bob)
    response = client.get("/admin/partnerships/partnership/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editing_steps_in_the_admin_updates_the_derived_status(client, alice):
    partnership = make_partnership()
    url = f"/admin/partnerships/partnership/{partnership.pk}/change/"
    form = {
        "key": partnership.key,
        "home": partnership.home_id,
        "partner": partnership.partner_id,
        "kind": "twinning",
        "origin": "curated",
        "visibility": "public",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "0",
        "steps-0-date": "2024-05-14",
        "steps-0-date_precision": "day",
        "steps-0-kind": "certificate_signed",
        "steps-0-status_after": "active",
    }
    for prefix in ("involvements", "sdg_tags"):
        form |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    partnership.refresh_from_db()
    assert partnership.status == "active"
    assert partnership.since == datetime.date(2024, 5, 14)
