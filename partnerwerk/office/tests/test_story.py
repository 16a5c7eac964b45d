"""The issue's "done when", as a new user would try it: an administrator invites a department
editor and a Kumasi counterpart; each signs in with two factors and can do exactly what the
role allows; the changes show in the history and can be restored."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerwerk.office.tests.helpers import edit_data
from partnerwerk.projects.models import Activity
from partnerwerk.testing import (
    make_activity,
    make_involvement,
    make_organisation,
    make_partnership,
    make_project,
    totp_now,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a long and memorable phrase"


def _become(client: Client, link_or_credentials, username: str = "") -> TOTPDevice:
    """Accept an invitation (or sign in with a password) and set up the authenticator."""
    if isinstance(link_or_credentials, str):
        path = re.sub(r"^https?://[^/]+", "", link_or_credentials)
        client.post(path, {"username": username, "password1": PASSWORD, "password2": PASSWORD})
    else:
        client.post("/accounts/sign-in/", link_or_credentials)
    client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.filter(confirmed=False).latest("id")
    assert client.post("/accounts/two-factor/", {"token": totp_now(device)}).status_code == 200
    return device


def test_an_administrator_invites_an_editor_and_a_counterpart_who_work_within_their_roles(
    capsys,
):
    umweltamt = make_organisation(key="umweltamt", name="Umweltamt")
    kumasi = make_partnership(
        key="dortmund-kumasi-climate",
        steps=[{"kind": "agreement_signed", "on": datetime.date(2022, 5, 14)}],
    )
    make_involvement(organisation=umweltamt, partnership=kumasi, role="partner")
    project = make_project(title_de="Klimaanpassung", partnerships=[kumasi])
    make_involvement(organisation=umweltamt, project=project, role="lead")
    other_project = make_project(title_de="Kulturaustausch")

    # The administrator of `make run`, on first sign-in, sets up two factors.
    call_command("ensure_admin")
    password = re.search(r"(?:password|Passwort) (\S+)", capsys.readouterr().out).group(1)
    admin = Client()
    _become(admin, {"username": "admin", "password": password})
    assert admin.get("/admin/").status_code == 200

    links = {}
    for email, data in {
        "edith@example.org": {"role": "department_editor", "organisation": umweltamt.pk},
        "kofi@example.org": {"role": "counterpart", "partnership": kumasi.pk},
    }.items():
        page = admin.post("/en/office/users/", {"email": email, **data}).content.decode()
        links[email] = re.search(r"<code>(http[^<]+)</code>", page).group(1)

    editor, counterpart = Client(), Client()
    _become(editor, links["edith@example.org"], "edith")
    _become(counterpart, links["kofi@example.org"], "kofi")

    # The editor edits her department's project, not another one, and cannot restore.
    url = f"/office/projects/{project.pk}/"
    assert editor.post(url, edit_data("projects", project, summary_de="Neu")).status_code == 302
    other = f"/office/projects/{other_project.pk}/"
    assert editor.post(other, edit_data("projects", other_project)).status_code == 403
    assert editor.get(f"{url}history/").status_code == 403

    # The counterpart adds an activity to Kumasi's partnership, and sees nothing else.
    response = counterpart.post(
        f"/en/office/activities/new/?partnership={kumasi.pk}",
        {"title_de": "Workshop in Kumasi", "kind": "workshop", "visibility": "internal"},
    )
    assert response.status_code == 302
    assert list(Activity.objects.get(title_de="Workshop in Kumasi").partnerships.all()) == [kumasi]
    assert counterpart.get(other).status_code == 404
    assert counterpart.get("/en/office/people/").status_code == 403

    # The administrator sees who changed what and restores the earlier version.
    history = admin.get(f"{url}history/").content.decode()
    assert "edith" in history and "Neu" in history
    first = project.history.order_by("history_date").first()
    admin.post(f"{url}history/{first.history_id}/restore/")
    project.refresh_from_db()
    assert project.summary_de == ""


def test_an_activity_of_another_partnership_stays_hidden_from_the_counterpart():
    own, other = make_partnership(), make_partnership()
    hidden = make_activity(title_de="Geheim", partnerships=[other])
    from partnerwerk.testing import make_user, sign_in_with_two_factors

    client = Client()
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=own))
    assert hidden.title_de not in client.get("/en/office/activities/").content.decode()
