"""Reminders by e-mail (decision 0030), sent by `partnerwerk grants-remind`, run once a day
(a systemd timer queues them for the background worker with `--enqueue`, decision 0031; or
cron). A reminder goes out on fixed days only, so a daily run sends each one once and a
missed day sends nothing twice:

- a draft not yet submitted: 7 days and 1 day before its call closes;
- a proof of use not yet submitted: 14 days before it is due and on the day it is due.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from partnerwerk.grants.models import Application, Status

DEADLINE_DAYS = (7, 1)
PROOF_DAYS = (14, 0)


@dataclass(frozen=True)
class Reminder:
    kind: str  # "deadline" or "proof"
    application: Application
    due: datetime.date
    recipients: tuple[str, ...]


def _recipients(application: Application) -> tuple[str, ...]:
    addresses = {application.applicant.contact_email}
    addresses |= {member.user.email for member in application.applicant.members.all()}
    return tuple(sorted(address for address in addresses if address))


def due_reminders(today: datetime.date) -> list[Reminder]:
    reminders = []
    deadlines = [today + datetime.timedelta(days=days) for days in DEADLINE_DAYS]
    drafts = Application.objects.filter(
        status=Status.DRAFT, call__closes_on__in=deadlines
    ).select_related("call", "applicant")
    for application in drafts.prefetch_related("applicant__members__user"):
        reminders.append(
            Reminder("deadline", application, application.call.closes_on, _recipients(application))
        )
    proofs = [today + datetime.timedelta(days=days) for days in PROOF_DAYS]
    waiting = Application.objects.filter(
        status=Status.PAID, decision__proof_due_on__in=proofs
    ).select_related("call", "applicant", "decision")
    for application in waiting.prefetch_related("applicant__members__user"):
        reminders.append(
            Reminder(
                "proof", application, application.decision.proof_due_on, _recipients(application)
            )
        )
    return reminders


def send_reminders(*, today: datetime.date, base_url: str) -> list[Reminder]:
    """E-mail each reminder due today (Django's e-mail backend); returns what was sent."""
    reminders = due_reminders(today)
    for reminder in reminders:
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "reminder": reminder,
                "application": reminder.application,
                "link": base_url.rstrip("/")
                + reverse("portal:funding-application", kwargs={"pk": reminder.application.pk}),
            }
            subject = render_to_string(f"grants/email/{reminder.kind}_subject.txt", context)
            body = render_to_string(f"grants/email/{reminder.kind}_body.txt", context)
        send_mail(subject.strip(), body, None, list(reminder.recipients))
    return reminders
