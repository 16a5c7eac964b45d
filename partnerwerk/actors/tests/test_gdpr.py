"""GDPR for people: legal basis, export of everything held, erasure everywhere, retention."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from partnerwerk.actors import services
from partnerwerk.actors.models import Involvement, Person
from partnerwerk.actors.selectors import people_for_retention_review
from partnerwerk.testing import (
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_project,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def erika():
    person = make_person(
        name="Erika Muster",
        email="erika@example.org",
        phone="+49 231 123",
        function_de="Leiterin",
        organisation=make_organisation(),
    )
    person.phone = "+49 231 456"
    person.save()  # a second version in the history
    make_involvement(person=person, partnership=make_partnership(), note_de="Erika mag Tee")
    return person


def test_consent_needs_its_date_and_text_in_the_database():
    with pytest.raises(IntegrityError):
        make_person(legal_basis="consent")


def test_the_service_explains_a_consent_without_its_text():
    with pytest.raises(ValidationError):
        services.person_create(
            actor=None,
            key="p",
            name="P",
            legal_basis="consent",
            consent_given_on=datetime.date(2025, 1, 2),
        )


def test_the_export_holds_the_record_its_involvements_and_every_version(erika):
    data = services.person_export(actor=make_user(role="office"), person=erika)
    text = json.dumps(data, cls=services.ExportEncoder)
    assert data["person"]["email"] == "erika@example.org"
    assert [version["phone"] for version in data["history"]] == ["+49 231 123", "+49 231 456"]
    assert data["involvements"][0]["note_de"] == "Erika mag Tee"
    assert "Erika Muster" in text


def test_only_office_staff_may_export_or_erase(erika):
    viewer = make_user(role="viewer")
    with pytest.raises(PermissionDenied):
        services.person_export(actor=viewer, person=erika)
    with pytest.raises(PermissionDenied):
        services.person_erase(actor=viewer, person=erika)


def test_erasure_anonymises_the_record_its_notes_and_all_history(erika):
    office = make_user(role="office")
    services.person_erase(actor=office, person=erika)
    erika.refresh_from_db()
    assert erika.erased_at is not None
    assert erika.name != "Erika Muster" and erika.email == "" and erika.organisation is None
    dump = json.dumps(
        [list(Person.history.filter(id=erika.pk).values())]
        + [list(Involvement.history.filter(person_id=erika.pk).values())],
        cls=services.ExportEncoder,
    )
    for secret in ("Erika", "erika@example.org", "+49 231", "Leiterin", "Tee"):
        assert secret not in dump
    assert Involvement.objects.filter(person=erika).count() == 1  # the involvement still counts
    assert Person.history.filter(id=erika.pk).latest().history_user == office


def test_the_retention_review_lists_people_linked_to_nothing_active_for_years():
    old = timezone.now() - datetime.timedelta(days=4 * 365)
    forgotten = make_person(name="Forgotten")
    still_active = make_person(name="Active")
    make_involvement(person=still_active, project=make_project(status="ongoing"))
    recent = make_person(name="Recent")
    Person.objects.filter(pk__in=[forgotten.pk, still_active.pk]).update(updated_at=old)
    names = [person.name for person in people_for_retention_review(years=3)]
    assert names == ["Forgotten"]
    assert recent.name not in names


def admin_log(user, record, flag, message):
    from django.contrib.admin.models import LogEntry

    return LogEntry.objects.log_actions(
        user.pk, [record], flag, change_message=json.dumps(message), single_object=True
    )


def test_erasure_removes_the_name_from_the_admin_log(erika, client):
    from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

    from partnerwerk.testing import sign_in_with_two_factors

    root = make_user(username="root", is_superuser=True, is_staff=True)
    admin_log(root, erika, ADDITION, [{"added": {}}])
    admin_log(root, erika, CHANGE, [{"changed": {"fields": ["Phone"]}}])
    involvement = Involvement.objects.get(person=erika)
    admin_log(root, involvement, CHANGE, [{"changed": {"fields": ["Note (German)"]}}])
    # The admin names a record added inline in the change message of its parent.
    organisation = erika.organisation
    admin_log(root, organisation, CHANGE, [{"added": {"name": "person", "object": "Erika Muster"}}])
    sign_in_with_two_factors(client, root)
    assert "Erika Muster" in client.get("/en/admin/").text  # the recent actions

    services.person_erase(actor=make_user(role="office"), person=erika)

    for entry in LogEntry.objects.all():
        assert "Erika" not in entry.object_repr and "Erika" not in entry.change_message
    assert LogEntry.objects.filter(object_repr=str(organisation)).exists()  # others stay
    assert "Erika" not in client.get("/en/admin/").text


def test_erasure_finds_a_name_the_admin_log_wrote_with_json_escapes():
    from django.contrib.admin.models import CHANGE, LogEntry

    person = make_person(name="Jürgen Ößler")
    organisation = make_organisation(name="Partnerschaftsverein")
    root = make_user(is_superuser=True, is_staff=True)
    message = [{"added": {"name": "person", "object": "Jürgen Ößler"}}]
    admin_log(root, organisation, CHANGE, message)
    assert "\\u00fc" in LogEntry.objects.get().change_message  # as json.dumps stores it

    services.person_erase(actor=make_user(role="office"), person=person)

    entry = LogEntry.objects.get()
    assert "Ößler" not in entry.get_change_message()
    assert "Ößler" not in json.loads(entry.change_message)[0]["added"]["object"]
    assert entry.object_repr == "Partnerschaftsverein"
