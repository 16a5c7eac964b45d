"""An office page's query count does not grow with its data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.accounts.services import invitation_create
from partnerwerk.core.services import record_soft_delete
from partnerwerk.testing import (
    make_activity,
    make_organisation,
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
# Pages only office staff open, with the records they list: deleted ones and accounts.
STAFF_PAGES = ["/office/trash/", "/office/users/"]


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


def _add_deleted_records_and_accounts(count: int, actor) -> None:
    for number in range(count):
        partnership = make_partnership()
        project = make_project(partnerships=[partnership])
        activity = make_activity(partnerships=[partnership], project=project)
        organisation = make_organisation()
        for record in (activity, project, partnership, organisation, make_person()):
            record_soft_delete(actor=actor, record=record)
        make_user(role="department_editor", organisation=make_organisation())
        make_user(role="counterpart", partnership=make_partnership())
        invitation_create(
            actor=actor,
            email=f"counterpart-{number}@example.org",
            role="counterpart",
            partnership=make_partnership(),
        )
        invitation_create(
            actor=actor,
            email=f"editor-{number}@example.org",
            role="department_editor",
            organisation=make_organisation(),
        )


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_staff_page_needs_as_many_queries_for_ten_records_as_for_two(client, path):
    office = make_user(role="office")
    sign_in_with_two_factors(client, office)
    client.get("/office/")  # the first request starts the session's clock (a write)
    _add_deleted_records_and_accounts(2, office)
    few = _queries(client, path)
    _add_deleted_records_and_accounts(8, office)
    assert _queries(client, path) == few
