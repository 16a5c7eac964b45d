import datetime

import pytest
from django.db import IntegrityError, transaction

from partnerwerk.projects.models import Activity, Project, Transaction

pytestmark = pytest.mark.django_db


def test_it_refuses_a_project_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(
            key="p",
            title_de="Projekt",
            status="ongoing",
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2019, 12, 31),
        )


def test_it_refuses_an_activity_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.create(
            key="a",
            title_de="Workshop",
            kind="workshop",
            start_date=datetime.date(2011, 10, 5),
            end_date=datetime.date(2011, 10, 4),
        )


def test_it_accepts_a_one_day_activity():
    day = datetime.date(2024, 5, 14)
    activity = Activity.objects.create(
        key="a", title_de="Unterzeichnung", kind="signing", start_date=day, end_date=day
    )
    assert activity.pk


def test_it_refuses_a_cash_transaction_without_an_amount():
    project = Project.objects.create(key="p", title_de="Projekt", status="ongoing")
    with pytest.raises(IntegrityError), transaction.atomic():
        Transaction.objects.create(key="t", kind="donation", project=project, amount=None)


def test_it_accepts_an_in_kind_contribution_without_a_value():
    project = Project.objects.create(key="p", title_de="Projekt", status="ongoing")
    gift = Transaction.objects.create(
        key="truck", kind="in_kind", project=project, description_de="Müllfahrzeug"
    )
    assert gift.amount is None
