"""Office downloads hold internal records too, but only those the user may read."""

import csv
import io

import pytest

from partnerwerk.testing import (
    make_active_partnership,
    make_project,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


def keys(response) -> set[str]:
    assert response.status_code == 200, response.status_code
    # Office CSV is written for a German Excel (a byte-order mark and semicolons), open data
    # as RFC 4180.
    text = response.getvalue().decode()
    delimiter = ";" if text.startswith("\ufeff") else ","
    rows = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter)
    assert "id" in (rows.fieldnames or []), text[:300]
    return {row["id"] for row in rows}


def test_the_office_export_includes_internal_projects(client):
    make_project(key="open-project")
    make_project(key="internal-project", visibility="internal")
    sign_in_with_two_factors(client, make_user(role="office"))
    assert keys(client.get("/office/open-data/projects.csv")) == {
        "open-project",
        "internal-project",
    }
    assert keys(client.get("/data/projects.csv")) == {"open-project"}


def test_a_counterpart_exports_only_the_projects_of_their_partnership(client):
    own = make_active_partnership()
    make_project(key="own-internal", visibility="internal", partnerships=[own])
    make_project(key="other-internal", visibility="internal")
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own))
    assert keys(client.get("/office/open-data/projects.csv")) == {"own-internal"}
