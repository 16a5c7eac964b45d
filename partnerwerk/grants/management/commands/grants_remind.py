"""`partnerwerk grants-remind`: e-mail the funding reminders due today (run it daily)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from partnerwerk.grants.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail reminders of funding deadlines and proofs of use due today."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Send as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--base-url",
            required=True,
            help="The portal's public address the e-mails link to, e.g. https://partner.dortmund.de",
        )

    def handle(self, *args, **options):
        today = (
            datetime.date.fromisoformat(options["date"])
            if options["date"]
            else timezone.localdate()
        )
        sent = send_reminders(today=today, base_url=options["base_url"])
        for reminder in sent:
            self.stdout.write(
                f"{reminder.kind} {reminder.application.pk} {reminder.due} "
                f"{', '.join(reminder.recipients)}"
            )
        self.stdout.write(f"{len(sent)} reminder(s) sent")
