"""The budget guard holds when the office decides several applications at the same moment
(real threads, each with its own database connection)."""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import F

from partnerwerk.grants import services_review
from partnerwerk.grants.models import Decision, FundingCall
from partnerwerk.grants.tests.helpers import assessed_application
from partnerwerk.registry.tests.test_concurrency import file_database  # noqa: F401 - fixture
from partnerwerk.testing import make_applicant_user, make_funding_call, make_user

pytestmark = pytest.mark.django_db(transaction=True)

DECISIONS = 4


def test_concurrent_approvals_never_commit_more_than_the_budget(
    file_database,  # noqa: F811
    monkeypatch,
):
    office, reviewer = make_user(role="office"), make_user()
    call = make_funding_call(budget=Decimal("10000.00"))
    applications = [
        assessed_application(
            applicant_user=make_applicant_user(), office=office, reviewer=reviewer, call=call
        )
        for _ in range(DECISIONS)
    ]
    start = threading.Barrier(DECISIONS)
    real_locked = services_review._locked

    def slow_locked(application):
        # After the call's row is read and before anything is written: every decision that
        # is not held back by the call's lock reads the same remainder of the budget.
        locked = real_locked(application)
        time.sleep(0.5)
        return locked

    monkeypatch.setattr(services_review, "_locked", slow_locked)
    outcomes = []

    def decide(application):
        try:
            start.wait(30)
            services_review.application_decide(
                actor=office, application=application, approve=True, amount=Decimal("4000.00")
            )
            outcomes.append("approved")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert sorted(outcomes) == ["approved", "approved", "refused", "refused"], outcomes
    call.refresh_from_db()
    assert call.committed == Decimal("8000.00")
    assert sum(d.amount for d in Decision.objects.filter(application__call=call)) == Decimal(
        "8000.00"
    )


def test_the_database_refuses_a_commitment_above_the_budget():
    call = make_funding_call(budget=Decimal("100.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingCall.objects.filter(pk=call.pk).update(committed=F("budget") + 1)
