from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from partnerwerk.accounts.models import Invitation
from partnerwerk.testing import make_organisation

pytestmark = pytest.mark.django_db


def test_invite_prints_a_link_that_opens_the_invitation():
    make_organisation(key="umweltamt")
    out = StringIO()
    call_command(
        "invite",
        "edith@example.org",
        "--role",
        "department_editor",
        "--organisation",
        "umweltamt",
        stdout=out,
    )
    link = out.getvalue().strip().splitlines()[-1]
    assert link.startswith("http://127.0.0.1:8000/accounts/invitation/")
    assert Invitation.objects.get().organisation.key == "umweltamt"
    assert Client().get(link.removeprefix("http://127.0.0.1:8000")).status_code == 200


def test_invite_refuses_an_editor_without_an_organisation():
    with pytest.raises(CommandError, match="(?i)organisation"):
        call_command("invite", "edith@example.org", "--role", "department_editor")
    assert not Invitation.objects.exists()


def test_invite_refuses_an_unknown_partnership():
    with pytest.raises(CommandError):
        call_command("invite", "k@example.org", "--role", "counterpart", "--partnership", "nope")
