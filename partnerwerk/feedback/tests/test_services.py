"""Storing feedback, limited per sender (feedback/services.py)."""

import time

import pytest

from partnerwerk.feedback import services
from partnerwerk.feedback.models import Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_per_hour(settings):
    settings.PARTNERWERK_FEEDBACK_PER_HOUR = 2


def test_a_message_is_stored_with_the_page_and_language_it_came_from():
    feedback = services.feedback_submit(
        ip_address="203.0.113.5",
        message="Der Kontrast der Karte ist zu schwach.",
        email="leser@example.org",
        page="/de/karte/",
        language="de",
    )
    stored = Feedback.objects.get(pk=feedback.pk)
    assert (stored.message, stored.email, stored.page, stored.language) == (
        "Der Kontrast der Karte ist zu schwach.",
        "leser@example.org",
        "/de/karte/",
        "de",
    )


def test_a_sender_over_the_hourly_limit_is_refused_and_nothing_more_is_stored():
    for number in range(2):
        services.feedback_submit(ip_address="203.0.113.5", message=f"Hinweis {number}")
    with pytest.raises(services.RateLimited):
        services.feedback_submit(ip_address="203.0.113.5", message="Noch einer")
    assert Feedback.objects.count() == 2


def test_one_senders_limit_does_not_stop_another_sender():
    for number in range(2):
        services.feedback_submit(ip_address="203.0.113.5", message=f"Hinweis {number}")
    services.feedback_submit(ip_address="198.51.100.7", message="Ein anderer Absender")
    assert Feedback.objects.count() == 3


def test_a_sender_may_write_again_once_the_hour_has_passed(monkeypatch):
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    for number in range(2):
        services.feedback_submit(ip_address="203.0.113.5", message=f"Hinweis {number}")
    monkeypatch.setattr(time, "time", lambda: now + services.WINDOW_SECONDS + 1)
    services.feedback_submit(ip_address="203.0.113.5", message="Eine Stunde später")
    assert Feedback.objects.count() == 3
