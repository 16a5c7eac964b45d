"""The one rule for what the public sees of a transaction (projects/models/visibility.py)."""

import pytest

from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.core.services import record_soft_delete
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Transaction
from partnerwerk.projects.selectors import public_project_detail
from partnerwerk.projects.totals import transaction_totals
from partnerwerk.testing import (
    make_activity,
    make_involvement,
    make_partnership,
    make_person,
    make_project,
    make_transaction,
)

pytestmark = pytest.mark.django_db


def test_a_public_transaction_of_a_public_project_and_activity_is_public():
    project = make_project()
    shown = [
        make_transaction(key="of-project", project=project),
        make_transaction(key="of-activity", activity=make_activity()),
        make_transaction(key="of-both", project=project, activity=make_activity(project=project)),
    ]
    assert set(Transaction.objects.public()) == set(shown)
    assert all(transaction.is_public for transaction in shown)


def test_a_transaction_is_internal_when_it_or_its_project_or_its_activity_is():
    project = make_project()
    hidden = [
        make_transaction(key="internal", project=project, visibility="internal"),
        make_transaction(key="of-internal-project", project=make_project(visibility="internal")),
        make_transaction(key="of-internal-activity", activity=make_activity(visibility="internal")),
        make_transaction(
            key="of-public-project-and-internal-activity",
            project=project,
            activity=make_activity(project=project, visibility="internal"),
        ),
    ]
    assert not Transaction.objects.public().exists()
    assert not any(transaction.is_public for transaction in hidden)


def test_a_projects_page_and_the_totals_leave_out_money_of_its_internal_activity():
    project = make_project(key="brunnen")
    make_transaction(key="shown", project=project)
    make_transaction(
        key="hidden",
        project=project,
        activity=make_activity(project=project, visibility="internal"),
    )
    page = public_project_detail(key="brunnen")
    assert [transaction.key for transaction in page.public_transactions] == ["shown"]
    [row] = transaction_totals(by="project")
    assert (row["group"], row["count"]) == ("brunnen", 1)


def test_money_of_a_deleted_project_is_public_nowhere():
    project = make_project()
    transaction = make_transaction(key="of-deleted-project", project=project)
    record_soft_delete(actor=None, record=project)
    transaction.refresh_from_db()

    assert not Transaction.objects.public().exists()
    assert not transaction.is_public


def test_a_deleted_person_is_not_named_among_public_involvements():
    partnership = make_partnership()
    person = make_person(name="Erika Beispiel")
    make_involvement(partnership=partnership, person=person)
    record_soft_delete(actor=None, record=person)

    shown = Partnership.objects.prefetch_related(public_involvements_prefetch()).get()

    assert [involvement.person for involvement in shown.involvements.all()] == []
