"""The API lists a pair the office curates once, as the office's partnership."""

import pytest

from partnerwerk.testing import make_partnership, make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairs():
    dortmund, kumasi = make_place(name="Dortmund"), make_place(name="Kumasi", country="GH")
    return {
        "climate": make_partnership(home=dortmund, partner=kumasi, kind="climate"),
        "twin": make_partnership(home=dortmund, partner=kumasi, origin="registry"),
        "own": make_partnership(home=kumasi, partner=make_place(name="Leeds"), origin="registry"),
    }


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_the_partnership_list_leaves_out_the_registry_twin(client, pairs):
    assert _ids(client.get("/api/v1/partnerships")) == [pairs["climate"].key]
    assert _ids(client.get("/api/v1/partnerships?origin=registry")) == [pairs["own"].key]
    assert client.get(f"/api/v1/partnerships/{pairs['twin'].key}").status_code == 404


def test_the_registry_relations_leave_out_the_twin(client, pairs):
    both = _ids(client.get("/api/v1/registry/relations?origin="))
    assert sorted(both) == sorted([pairs["climate"].key, pairs["own"].key])
    assert _ids(client.get("/api/v1/registry/relations")) == [pairs["own"].key]
