"""`partnerwerk grants-remind`: e-mail the funding reminders due today (run it daily)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from partnerwerk.grants.reminders import send_reminders
from partnerwerk.grants.tasks import send_funding_reminders


class Command(BaseCommand):
    help = "E-mail reminders of funding deadlines and proofs of use due today."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Send as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--base-url",
            required=True,
            help="The portal's public address the e-mails link to, e.g. https://partner.dortmund.de",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the sending for a background worker (partnerwerk db-worker) instead.",
        )

    def handle(self, *args, **options):
        today = (
            datetime.date.fromisoformat(options["date"])
            if options["date"]
            else timezone.localdate()
        )
        if options["enqueue"]:
            result = send_funding_reminders.enqueue(
                base_url=options["base_url"], day=today.isoformat()
            )
            self.stdout.write(f"reminders of {today} queued as task {result.id}")
            return
        sent = send_reminders(today=today, base_url=options["base_url"])
        for reminder in sent:
            self.stdout.write(
                f"{reminder.kind} {reminder.application.pk} {reminder.due} "
                f"{', '.join(reminder.recipients)}"
            )
        self.stdout.write(f"{len(sent)} reminder(s) sent")
