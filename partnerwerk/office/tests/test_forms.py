"""Every choice an office form offers is a record the signed-in user may read: a partner-city
counterpart finds only their own partnership's records in the drop-downs, and an id of any
other record, posted by hand, is refused with a form error."""

import pytest
from django import forms as django_forms

from partnerwerk.accounts.selectors import readable
from partnerwerk.documents.models import Document
from partnerwerk.office import access, forms
from partnerwerk.office.kinds import KINDS
from partnerwerk.projects.models import Activity, Project
from partnerwerk.testing import (
    make_activity,
    make_partnership,
    make_place,
    make_project,
    make_theme,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def leeds(db):
    """A Leeds counterpart, their partnership, and another partnership's internal records."""
    home = make_place(name="Dortmund")
    partnership = make_partnership(home=home, partner=make_place(name="Leeds", country="GB"))
    project = make_project(title_de="Leeds Projekt", partnerships=[partnership])
    other = make_partnership(
        home=home,
        partner=make_place(name="SECRET-PARTNER-CITY", country="GH"),
        visibility="internal",
    )
    secret_project = make_project(
        key="secret-internal-project",
        title_de="SECRET-INTERNAL-PROJECT",
        partnerships=[other],
        visibility="internal",
    )
    secret_activity = make_activity(
        title_de="SECRET-INTERNAL-ACTIVITY",
        partnerships=[other],
        project=secret_project,
        visibility="internal",
    )
    public_elsewhere = make_project(title_de="OTHER-PUBLIC-PROJECT", partnerships=[other])
    return {
        "user": make_user(role="counterpart", partnership=partnership),
        "partnership": partnership,
        "project": project,
        "other": other,
        "secret_project": secret_project,
        "secret_activity": secret_activity,
        "public_elsewhere": public_elsewhere,
    }


SECRETS = ("SECRET-INTERNAL-PROJECT", "SECRET-INTERNAL-ACTIVITY", "SECRET-PARTNER-CITY")


@pytest.mark.parametrize("slug", ["activities", "documents"])
def test_a_counterpart_finds_no_other_partnerships_records_in_the_new_form(client, leeds, slug):
    sign_in_with_two_factors(client, leeds["user"])
    response = client.get(f"/office/{slug}/new/?partnership={leeds['partnership'].pk}")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Leeds Projekt" in body  # the own partnership's project is offered
    for secret in SECRETS:
        assert secret not in body


def _activity_post(leeds, **changes) -> dict:
    data = {
        "key": "",
        "title_de": "Besuch in Leeds",
        "kind": "workshop",
        "visibility": "public",
        "partnerships": [str(leeds["partnership"].pk)],
        "subject_partnership": str(leeds["partnership"].pk),
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "changes",
    [
        lambda leeds: {"project": str(leeds["secret_project"].pk)},
        lambda leeds: {"project": str(leeds["public_elsewhere"].pk)},
        lambda leeds: {"partnerships": [str(leeds["partnership"].pk), str(leeds["other"].pk)]},
    ],
    ids=["internal-project", "other-partnerships-project", "other-partnership"],
)
def test_a_counterpart_cannot_link_an_activity_to_another_partnerships_record(
    client, leeds, changes
):
    sign_in_with_two_factors(client, leeds["user"])
    response = client.post(
        f"/office/activities/new/?partnership={leeds['partnership'].pk}",
        _activity_post(leeds, **changes(leeds)),
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Activity.objects.filter(title_de="Besuch in Leeds").exists()


def test_a_counterpart_cannot_attach_a_document_to_another_partnerships_activity(client, leeds):
    sign_in_with_two_factors(client, leeds["user"])
    response = client.post(
        f"/office/documents/new/?partnership={leeds['partnership'].pk}",
        {
            "key": "",
            "kind": "report",
            "status": "final",
            "title_de": "Bericht aus Leeds",
            "visibility": "internal",
            "activity": str(leeds["secret_activity"].pk),
            "subject_partnership": str(leeds["partnership"].pk),
        },
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Document.all_objects.filter(title_de="Bericht aus Leeds").exists()


def test_a_counterpart_still_adds_an_activity_to_their_own_records(client, leeds):
    sign_in_with_two_factors(client, leeds["user"])
    response = client.post(
        f"/office/activities/new/?partnership={leeds['partnership'].pk}",
        _activity_post(leeds, project=str(leeds["project"].pk)),
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title_de="Besuch in Leeds")
    assert activity.project == leeds["project"]


def test_a_counterparts_edit_keeps_the_links_they_cannot_see(client, leeds):
    """Saving an activity shared with another partnership must not silently drop that link."""
    shared = make_activity(
        title_de="Gemeinsam", partnerships=[leeds["partnership"], leeds["other"]]
    )
    sign_in_with_two_factors(client, leeds["user"])
    page = client.get(f"/office/activities/{shared.pk}/").content.decode()
    assert "SECRET-PARTNER-CITY" not in page
    response = client.post(
        f"/office/activities/{shared.pk}/",
        _activity_post(leeds, key=shared.key, title_de="Gemeinsam, neu"),
    )
    assert response.status_code == 302
    shared.refresh_from_db()
    assert shared.title_de == "Gemeinsam, neu"
    assert set(shared.partnerships.all()) == {leeds["partnership"], leeds["other"]}


def _office_forms():
    return [kind.form for kind in KINDS.values()] + [forms.InvitationForm]


@pytest.mark.parametrize("form_class", _office_forms(), ids=lambda form: form.__name__)
def test_every_model_choice_of_every_office_form_is_readable_by_the_user(leeds, form_class):
    """Structural: a new form or field inherits the rule without further code."""
    make_theme()
    form = form_class(user=leeds["user"])
    for name, field in form.fields.items():
        if not isinstance(field, django_forms.ModelChoiceField):
            continue
        offered = field.queryset
        if offered.model in access.OPEN_VOCABULARIES:
            continue
        unreadable = offered.exclude(pk__in=readable(leeds["user"], offered.model.objects.all()))
        assert not unreadable.exists(), f"{form_class.__name__}.{name}"
    if "project" in form.fields:
        assert set(form.fields["project"].queryset) == {leeds["project"]}


def test_office_staff_still_choose_among_all_records(leeds):
    form = forms.ActivityForm(user=make_user(role="office"))
    assert set(form.fields["project"].queryset) == set(Project.objects.all())


def test_a_new_document_is_offered_as_internal():
    form = forms.DocumentForm(user=make_user(role="office"))
    assert form["visibility"].value() == "internal"
