"""The daily funding reminders as a background task (decision 0031): the timer queues them
with `grants-remind --enqueue`, a worker sends them for the day they were queued."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from partnerwerk.grants.models import Application
from partnerwerk.testing import make_applicant_user, make_funding_call

pytestmark = pytest.mark.django_db


def test_queued_reminders_are_sent_by_the_worker_for_the_day_they_were_queued(database_tasks):
    call = make_funding_call(
        opens_on=datetime.date(2027, 1, 1), closes_on=datetime.date(2027, 3, 31)
    )
    alice = make_applicant_user(email="vorstand@verein.example")
    Application.objects.create(
        call=call,
        applicant=alice.applicant_membership.applicant,
        project_title="Schulgarten",
        amount_requested=Decimal("100"),
    )
    out = StringIO()

    call_command(
        "grants_remind",
        "--enqueue",
        date="2027-03-24",
        base_url="https://partner.example",
        stdout=out,
    )

    assert "queued" in out.getvalue() and mail.outbox == []
    task = DBTaskResult.objects.get()
    assert task.task_path == "partnerwerk.grants.tasks.send_funding_reminders"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.return_value == 1
    assert [message.to for message in mail.outbox] == [["vorstand@verein.example"]]
