"""Background tasks of grants (decision 0031): the day's funding reminders."""

import datetime

from django.utils import timezone
from django_tasks import task

from partnerwerk.grants.reminders import send_reminders


@task()
def send_funding_reminders(*, base_url: str, day: str = "") -> int:
    """E-mail the reminders due on `day` (YYYY-MM-DD; today when empty); returns how many."""
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return len(send_reminders(today=today, base_url=base_url))
