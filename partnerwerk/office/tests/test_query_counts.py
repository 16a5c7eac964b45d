"""An office page's query count does not grow with its data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.core.testing import (
    make_activity,
    make_partnership,
    make_person,
    make_project,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "/office/",
    "/office/partnerships/",
    "/office/projects/",
    "/office/activities/",
    "/office/people/",
]


def _add_records(count: int) -> None:
    for _ in range(count):
        partnership = make_partnership()
        project = make_project(partnerships=[partnership])
        make_activity(partnerships=[partnership], project=project)
        make_person()


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("role", ["office", "viewer"])
def test_an_office_page_needs_as_many_queries_for_ten_records_as_for_two(client, path, role):
    sign_in_with_two_factors(client, make_user(role=role))
    client.get("/office/")  # the first request starts the session's clock (a write)
    _add_records(2)
    few = _queries(client, path)
    _add_records(8)
    assert _queries(client, path) == few
