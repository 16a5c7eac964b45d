from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from partnerwerk.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The assertions read the English messages; the default language is German.
    with translation.override("en"):
        yield


def test_ensure_admin_creates_one_administrator_and_prints_the_password_once():
    first, second = StringIO(), StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)
    admins = get_user_model().objects.filter(is_superuser=True)
    assert admins.count() == 1
    password = first.getvalue().split("password ")[1].split(" ")[0]
    assert admins.get().check_password(password)
    assert "password" not in second.getvalue()


def test_the_partnerwerk_command_maps_hyphenated_names_to_management_commands(capsys):
    main(["ensure-admin"])
    assert "Created administrator admin" in capsys.readouterr().out
