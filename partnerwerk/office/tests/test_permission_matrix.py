"""The generated permission matrix: every role × every office action × a record of the
role's own organisation or partnership and one of another. Each cell is either allowed (the
page answers 200, or a write redirects after success) or refused (403 or 404), never a 500.

The expected answer comes from the roles as the issue describes them, written out here
independently of accounts/rules.py.
"""

import datetime

import pytest

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.core.services import record_soft_delete
from partnerwerk.office.tests.helpers import edit_data
from partnerwerk.testing import sign_in_with_two_factors

pytestmark = pytest.mark.django_db

OFFICE, ADMIN = OfficeRole.OFFICE, OfficeRole.ADMINISTRATOR
EDITOR, COUNTERPART = OfficeRole.DEPARTMENT_EDITOR, OfficeRole.COUNTERPART
VIEWER, NONE = OfficeRole.VIEWER, "none"
ROLES = [OFFICE, ADMIN, EDITOR, COUNTERPART, VIEWER, NONE]
STAFF = {OFFICE, ADMIN}
READERS = {OFFICE, ADMIN, EDITOR, VIEWER}

BOTH = {"own", "other"}
OWN = {"own"}


def allowed_for(*, both=frozenset(), own=frozenset()):
    """{role: scopes}: `both` roles may act on any record, `own` roles on their own."""
    table = {role: set() for role in ROLES}
    for role in both:
        table[role] |= BOTH
    for role in own:
        table[role] |= OWN
    return table


def _get(path):
    return lambda client, world: client.get(path(world))


def _post(path, data=lambda world: {}):
    return lambda client, world: client.post(path(world), data(world))


def _undelete(client, world):
    record_soft_delete(actor=None, record=world.project)
    return client.post(f"/office/projects/{world.project.pk}/restore/")


def _revert(client, world):
    project = world.project
    project.title_de = "Geänderter Titel"
    project.save()
    first = project.history.order_by("history_date").first()
    return client.post(f"/office/projects/{project.pk}/history/{first.history_id}/restore/")


STEP = {"kind": "visit", "date": "2024-06-01", "date_precision": "day"}
NEW_ACTIVITY = {"title_de": "Neuer Workshop", "kind": "workshop", "visibility": "internal"}
NEW_DOCUMENT = {
    "title_de": "Neues Protokoll",
    "kind": "report",
    "status": "final",
    "visibility": "internal",
}

# action: (how to do it, who may: {role: scopes})
ACTIONS = {
    "view dashboard": (_get(lambda w: "/office/"), allowed_for(both=READERS | {COUNTERPART})),
    "list partnerships": (
        _get(lambda w: "/office/partnerships/"),
        allowed_for(both=READERS | {COUNTERPART}),
    ),
    "list activities": (
        _get(lambda w: "/office/activities/"),
        allowed_for(both=READERS | {COUNTERPART}),
    ),
    "list organisations": (_get(lambda w: "/office/organisations/"), allowed_for(both=READERS)),
    "list people": (_get(lambda w: "/office/people/"), allowed_for(both=READERS)),
    "view partnership": (
        _get(lambda w: f"/office/partnerships/{w.partnership.pk}/"),
        allowed_for(both=READERS, own={COUNTERPART}),
    ),
    "change partnership": (
        _post(
            lambda w: f"/office/partnerships/{w.partnership.pk}/",
            lambda w: edit_data("partnerships", w.partnership, description_de="Neu"),
        ),
        allowed_for(both=STAFF),
    ),
    "add or propose a step": (
        _post(lambda w: f"/office/steps/new/?partnership={w.partnership.pk}", lambda w: STEP),
        # Counterparts propose steps for their own partnership; the office confirms (issue 14).
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "confirm a step": (
        _post(lambda w: f"/office/steps/{w.step.pk}/confirm/"),
        allowed_for(both=STAFF),
    ),
    "add partnership": (
        _post(
            lambda w: "/office/partnerships/new/",
            lambda w: {
                "key": f"new-{w.partnership.pk}",
                "home": w.partnership.home.geonames_id,
                "partner": w.partnership.partner.geonames_id,
                "kind": "friendship",
                "visibility": "public",
            },
        ),
        allowed_for(both=STAFF),
    ),
    "add project": (
        _post(
            lambda w: "/office/projects/new/",
            lambda w: {"title_de": "Neues Projekt", "status": "planned", "visibility": "internal"},
        ),
        allowed_for(both=STAFF),
    ),
    "view project": (
        _get(lambda w: f"/office/projects/{w.project.pk}/"),
        allowed_for(both=READERS, own={COUNTERPART}),
    ),
    "change project": (
        _post(
            lambda w: f"/office/projects/{w.project.pk}/",
            lambda w: edit_data("projects", w.project, summary_de="Neu"),
        ),
        allowed_for(both=STAFF, own={EDITOR}),
    ),
    "delete project": (
        _post(lambda w: f"/office/projects/{w.project.pk}/delete/"),
        allowed_for(both=STAFF, own={EDITOR}),
    ),
    "add activity to partnership": (
        _post(
            lambda w: f"/office/activities/new/?partnership={w.partnership.pk}",
            lambda w: NEW_ACTIVITY,
        ),
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "view activity": (
        _get(lambda w: f"/office/activities/{w.activity.pk}/"),
        allowed_for(both=READERS, own={COUNTERPART}),
    ),
    "change activity": (
        _post(
            lambda w: f"/office/activities/{w.activity.pk}/",
            lambda w: edit_data("activities", w.activity, description_de="Neu"),
        ),
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "delete document": (
        _post(lambda w: f"/office/documents/{w.document.pk}/delete/"),
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "delete activity": (
        _post(lambda w: f"/office/activities/{w.activity.pk}/delete/"),
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "view document": (
        _get(lambda w: f"/office/documents/{w.document.pk}/"),
        allowed_for(both=READERS, own={COUNTERPART}),
    ),
    "download document": (
        _get(lambda w: f"/office/documents/{w.document.pk}/file/"),
        allowed_for(both=READERS, own={COUNTERPART}),
    ),
    "change document": (
        _post(
            lambda w: f"/office/documents/{w.document.pk}/",
            lambda w: edit_data("documents", w.document, credit="Bild: Test"),
        ),
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "add document to project": (
        _post(
            lambda w: f"/office/documents/new/?project={w.project.pk}",
            lambda w: {**NEW_DOCUMENT, "project": w.project.pk},
        ),
        allowed_for(both=STAFF, own={EDITOR, COUNTERPART}),
    ),
    "view organisation": (
        _get(lambda w: f"/office/organisations/{w.organisation.pk}/"),
        allowed_for(both=READERS),
    ),
    "change organisation": (
        _post(
            lambda w: f"/office/organisations/{w.organisation.pk}/",
            lambda w: edit_data("organisations", w.organisation, short_name="Neu"),
        ),
        allowed_for(both=STAFF),
    ),
    "view person": (_get(lambda w: f"/office/people/{w.person.pk}/"), allowed_for(both=READERS)),
    "add person": (
        _post(
            lambda w: "/office/people/new/",
            lambda w: {
                "key": f"new-person-{w.person.pk}",
                "name": "Neue Person",
                "visibility": "internal",
                "legal_basis": "public_task",
            },
        ),
        allowed_for(both=STAFF),
    ),
    "change person": (
        _post(
            lambda w: f"/office/people/{w.person.pk}/",
            lambda w: edit_data("people", w.person, phone="+49 231 0"),
        ),
        allowed_for(both=STAFF),
    ),
    "export person": (
        _get(lambda w: f"/office/people/{w.person.pk}/export/"),
        allowed_for(both=STAFF),
    ),
    "erase person": (
        _post(lambda w: f"/office/people/{w.person.pk}/erase/"),
        allowed_for(both=STAFF),
    ),
    "view history": (
        _get(lambda w: f"/office/projects/{w.project.pk}/history/"),
        allowed_for(both=STAFF),
    ),
    "restore an earlier version": (_revert, allowed_for(both=STAFF)),
    "undo a delete": (_undelete, allowed_for(both=STAFF)),
    "view trash": (_get(lambda w: "/office/trash/"), allowed_for(both=STAFF)),
    "retention review": (_get(lambda w: "/office/people/retention/"), allowed_for(both=STAFF)),
    "invite users": (_get(lambda w: "/office/users/"), allowed_for(both=STAFF)),
}

CELLS = [
    (role, action, scope) for action in ACTIONS for role in ROLES for scope in ("own", "other")
]


def test_the_matrix_has_every_role_action_and_scope():
    assert len(CELLS) == len(ROLES) * len(ACTIONS) * 2


@pytest.mark.parametrize(("role", "action", "scope"), CELLS)
def test_permission_matrix(client, worlds, user_with_role, role, action, scope):
    user = user_with_role(role)
    sign_in_with_two_factors(client, user)
    do, who = ACTIONS[action]
    response = do(client, worlds[scope])
    if scope in who[role]:
        assert response.status_code in (200, 302), (response.status_code, response.content[:300])
        if response.status_code == 302:
            assert "/accounts/" not in response["Location"]
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            assert b"errorlist" not in response.content, response.content.decode()[:3000]
    else:
        assert response.status_code in (403, 404), response.status_code


def test_an_allowed_edit_by_a_department_editor_is_saved_with_who_did_it(
    client, worlds, user_with_role
):
    editor = user_with_role(EDITOR)
    sign_in_with_two_factors(client, editor)
    project = worlds["own"].project
    client.post(f"/office/projects/{project.pk}/", edit_data("projects", project, summary_de="Neu"))
    project.refresh_from_db()
    assert project.summary_de == "Neu"
    assert project.history.first().history_user == editor


def test_a_proposed_step_changes_nothing_until_the_office_confirms_it(
    client, worlds, user_with_role
):
    partnership = worlds["own"].partnership
    sign_in_with_two_factors(client, user_with_role(EDITOR))
    client.post(
        f"/office/steps/new/?partnership={partnership.pk}",
        {"kind": "end", "date": datetime.date(2025, 1, 1).isoformat(), "date_precision": "day"},
    )
    partnership.refresh_from_db()
    assert partnership.status == "active"
    assert partnership.steps.filter(kind="end").count() == 0

    sign_in_with_two_factors(client, user_with_role(OFFICE))
    proposal = partnership.__class__.objects.get(pk=partnership.pk)
    from partnerwerk.partnerships.models import Step

    step = Step.all_objects.awaiting_confirmation().get(partnership=proposal, kind="end")
    response = client.post(f"/office/steps/{step.pk}/confirm/")
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == "ended"
