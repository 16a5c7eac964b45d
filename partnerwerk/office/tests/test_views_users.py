"""Invitations from the office: sent by e-mail in the invitee's language."""

import re

import pytest
from django.core import mail
from django.utils import translation

from partnerwerk.testing import make_active_partnership, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


def test_an_invitation_in_english_is_e_mailed_in_english_and_opens_the_english_page(client):
    kumasi = make_active_partnership(key="dortmund-kumasi")
    sign_in_with_two_factors(client, make_user(role="administrator"))

    page = client.post(
        "/office/users/",
        {
            "email": "Kofi@Example.org",
            "role": "counterpart",
            "partnership": kumasi.pk,
            "language": "en",
        },
    ).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kofi@example.org"]
    assert message.subject == "Your invitation to Partnerwerk as partner-city counterpart"
    with translation.override("en"):
        assert f"for the partnership {kumasi}" in message.body
    link = re.search(r"http://testserver/en/accounts/invitation/[^/\s]+/", message.body).group(0)
    # The office (German) is told it was sent, and sees the same link once.
    assert "per E-Mail" in page and link in page
    invitation_page = client.get(link.removeprefix("http://testserver")).content.decode()
    assert 'lang="en"' in invitation_page and "user name" in invitation_page.lower()


def test_an_invitation_without_a_language_is_e_mailed_in_german(client):
    sign_in_with_two_factors(client, make_user(role="administrator"))

    client.post("/office/users/", {"email": "edith@example.org", "role": "viewer"})

    assert "Einladung" in mail.outbox[0].subject
    assert "http://testserver/accounts/invitation/" in mail.outbox[0].body
