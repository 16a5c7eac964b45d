"""The applicants' pages: an association registers, confirms its address, applies and
submits; another association never sees its application or files; limits answer 429."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from partnerwerk.grants import services
from partnerwerk.grants.models import Application, Status
from partnerwerk.grants.tests.helpers import pdf
from partnerwerk.testing import make_applicant_user, make_funding_call

pytestmark = pytest.mark.django_db

PASSWORD = "ein sehr langes Passwort 42"


def _sign_up(client, email="info@verein.example", ip="10.1.0.1"):
    return client.post(
        "/en/funding/sign-up/",
        {
            "name": "Eine Welt Dortmund e.V.",
            "address": "Friedensplatz 1\n44135 Dortmund",
            "contact_name": "Erika Muster",
            "email": email,
            "password": PASSWORD,
        },
        REMOTE_ADDR=ip,
    )


def test_an_association_registers_confirms_applies_and_submits(client):
    call = make_funding_call(required_documents_de="Satzung\nHaushaltsplan")
    assert call.title_de in client.get("/funding/").content.decode()

    sent = _sign_up(client)
    assert sent.status_code == 200 and len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    refused = client.post(
        "/en/funding/sign-in/", {"email": "info@verein.example", "password": PASSWORD}
    )
    assert refused.status_code == 200  # not confirmed yet: no session
    assert client.get(link).status_code == 302
    signed_in = client.post(
        "/en/funding/sign-in/", {"email": "info@verein.example", "password": PASSWORD}
    )
    assert signed_in.status_code == 302

    created = client.post(
        f"/en/funding/calls/{call.key}/apply/",
        {"project_title": "Schulgarten", "amount_requested": "3000", "partner_country": "GH"},
    )
    application = Application.objects.get()
    assert created["Location"].endswith(f"/funding/applications/{application.pk}/")
    page = f"/en/funding/applications/{application.pk}/"
    saved = client.post(
        page,
        {
            "action": "save",
            "app-project_title": "Schulgarten in Kumasi",
            "app-amount_requested": "3000",
            "app-partner_country": "GH",
            "app-sdgs": ["4"],
            "cost-TOTAL_FORMS": "2",
            "cost-INITIAL_FORMS": "0",
            "cost-0-description": "Saatgut",
            "cost-0-amount": "1000",
            "cost-1-description": "Reisen",
            "cost-1-amount": "2000",
        },
    )
    assert saved.status_code == 302
    uploaded = client.post(page, {"action": "upload", "file-title": "Satzung", "file-file": pdf()})
    assert uploaded.status_code == 302
    submitted = client.post(page, {"action": "submit"})
    assert submitted.status_code == 302

    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.project_title == "Schulgarten in Kumasi"
    assert list(application.cost_lines.values_list("amount", flat=True)) == [1000, 2000]
    assert list(application.sdgs.values_list("number", flat=True)) == [4]
    shown = client.get(page).content.decode()
    assert "<strong>submitted</strong>" in shown and "Satzung" in shown


def test_an_applicant_sees_neither_the_application_nor_the_files_of_another(client):
    alice, bob = make_applicant_user(), make_applicant_user()
    application = services.application_create(
        actor=alice,
        call=make_funding_call(),
        project_title="Alices Projekt",
        amount_requested=Decimal("10"),
    )
    attachment = services.attachment_add(
        actor=alice, application=application, upload=pdf(), title="Satzung"
    )
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")

    listing = client.get("/en/funding/applications/").content.decode()
    detail = client.get(f"/en/funding/applications/{application.pk}/")
    file = client.get(f"/en/funding/applications/{application.pk}/files/{attachment.pk}/")
    post = client.post(f"/en/funding/applications/{application.pk}/", {"action": "submit"})

    assert "Alices Projekt" not in listing
    assert (detail.status_code, file.status_code, post.status_code) == (404, 404, 404)
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    own = client.get(f"/en/funding/applications/{application.pk}/files/{attachment.pk}/")
    assert own.status_code == 200 and own["X-Content-Type-Options"] == "nosniff"


def test_the_applicants_pages_send_a_stranger_to_the_sign_in(client):
    response = client.get("/en/funding/applications/")
    assert response.status_code == 302 and "/funding/sign-in/" in response["Location"]


def test_sign_ups_from_one_address_are_limited_per_hour(client, settings):
    settings.PARTNERWERK_GRANTS_SIGN_UPS_PER_HOUR = 2
    codes = [_sign_up(client, email=f"v{n}@verein.example").status_code for n in range(3)]
    other = _sign_up(client, email="v9@verein.example", ip="10.1.0.2").status_code
    assert (codes, other) == ([200, 200, 429], 200)


def test_submissions_from_one_address_are_limited_per_hour(client, settings):
    settings.PARTNERWERK_GRANTS_SUBMISSIONS_PER_HOUR = 1
    alice = make_applicant_user()
    call = make_funding_call()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    codes = []
    for title in ("Erstes", "Zweites"):
        application = services.application_create(
            actor=alice, call=call, project_title=title, amount_requested=Decimal("10")
        )
        services.application_set_cost_lines(
            actor=alice, application=application, lines=[("Druck", Decimal("10"))]
        )
        codes.append(
            client.post(
                f"/en/funding/applications/{application.pk}/", {"action": "submit"}
            ).status_code
        )
    assert codes == [302, 429]


def test_a_submission_after_the_close_date_says_so(client):
    import datetime

    alice = make_applicant_user()
    call = make_funding_call()
    application = services.application_create(
        actor=alice, call=call, project_title="Spät", amount_requested=Decimal("10")
    )
    services.application_set_cost_lines(
        actor=alice, application=application, lines=[("x", Decimal("10"))]
    )
    call.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    call.save()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(f"/en/funding/applications/{application.pk}/", {"action": "submit"})
    assert response.status_code == 400
    assert "applications are no longer accepted" in response.content.decode()


def test_the_call_page_lists_only_open_public_calls(client):
    import datetime

    make_funding_call(title_de="Offener Aufruf", title_en="")
    make_funding_call(title_de="Interner Aufruf", title_en="", is_public=False)
    make_funding_call(
        title_de="Alter Aufruf",
        title_en="",
        opens_on=datetime.date(2020, 1, 1),
        closes_on=datetime.date(2020, 2, 1),
    )
    page = client.get("/funding/").content.decode()
    assert "Offener Aufruf" in page
    assert "Interner Aufruf" not in page and "Alter Aufruf" not in page


def test_only_the_association_opens_its_notice_letter(client):
    from partnerwerk.grants import services_review
    from partnerwerk.grants.tests.helpers import submitted_application
    from partnerwerk.testing import make_user

    alice, bob = make_applicant_user(), make_applicant_user()
    application = submitted_application(applicant_user=alice, call=make_funding_call())
    url = f"/en/funding/applications/{application.pk}/notice.pdf"
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).status_code == 404  # no decision yet
    services_review.application_decide(
        actor=make_user(role="office"), application=application, approve=False, reasons="Zu spät."
    )
    mine = client.get(url)
    assert mine.status_code == 200 and mine["Content-Type"] == "application/pdf"
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).status_code == 404


def test_an_association_keeps_its_profile_and_only_its_own(client):
    alice, bob = make_applicant_user(), make_applicant_user()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        "/en/funding/profile/",
        {
            "name": "Nordstadt hilft e.V.",
            "address": "Mallinckrodtstraße 1, 44147 Dortmund",
            "register_number": "VR 9999",
            "contact_name": "Ayşe Yılmaz",
            "contact_email": "vorstand@nordstadt-hilft.example",
        },
    )
    assert response.status_code == 302
    alice.applicant_membership.applicant.refresh_from_db()
    assert alice.applicant_membership.applicant.register_number == "VR 9999"
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert "Nordstadt hilft" not in client.get("/en/funding/profile/").content.decode()


def test_a_sign_up_larger_than_the_anonymous_body_limit_is_refused(client, settings):
    response = client.post(
        "/en/funding/sign-up/",
        {"name": "x" * (settings.PARTNERWERK_ANON_MAX_BODY + 1), "email": "a@verein.example"},
    )
    assert response.status_code == 413
    assert not mail.outbox


def test_a_late_submission_is_refused_in_german_on_the_german_page(client):
    import datetime

    alice = make_applicant_user()
    call = make_funding_call()
    application = services.application_create(
        actor=alice, call=call, project_title="Spät", amount_requested=Decimal("10")
    )
    services.application_set_cost_lines(
        actor=alice, application=application, lines=[("x", Decimal("10"))]
    )
    call.opens_on, call.closes_on = datetime.date(2026, 1, 1), datetime.date(2026, 1, 31)
    call.save()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(f"/funding/applications/{application.pk}/", {"action": "submit"})
    assert "Der Förderaufruf endete am 31.01.2026" in response.content.decode()


def test_signing_up_again_before_confirming_sends_a_new_link_and_changes_nothing(client):
    from django.contrib.auth import get_user_model

    _sign_up(client)
    again = client.post(
        "/en/funding/sign-up/",
        {
            "name": "Jemand anderes",
            "address": "Irgendwo",
            "contact_name": "Mallory",
            "email": "INFO@verein.example",
            "password": "ein ganz anderes Passwort 99",
        },
        REMOTE_ADDR="10.1.0.9",
    )
    assert again.status_code == 200 and len(mail.outbox) == 2
    assert mail.outbox[1].to == ["info@verein.example"]
    user = get_user_model().objects.get(username="info@verein.example")
    assert user.check_password(PASSWORD)
    assert user.applicant_membership.applicant.name == "Eine Welt Dortmund e.V."
    client.get(re.search(r"https?://\S+", mail.outbox[1].body).group(0))
    user.refresh_from_db()
    assert user.is_active
    third = _sign_up(client, ip="10.1.0.10")
    assert third.status_code == 400 and "exists" in third.content.decode()
