"""Two of everything: records of the users' own organisation and partnership, and records of
another, so every test can ask "own or other?"."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.documents.models import Document
from partnerwerk.partnerships.services import step_propose
from partnerwerk.testing import (
    make_activity,
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
    make_project,
    make_user,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class World:
    organisation: object
    partnership: object
    project: object
    activity: object
    document: object
    person: object
    step: object


def _world(home, name: str) -> World:
    organisation = make_organisation(name=f"{name} office")
    partner = make_place(name=f"{name} city", country="GH")
    partnership = make_partnership(
        home=home,
        partner=partner,
        steps=[{"kind": "agreement_signed", "on": datetime.date(2022, 5, 14)}],
    )
    make_involvement(organisation=organisation, partnership=partnership, role="coordinator")
    project = make_project(title_de=f"{name} Projekt", partnerships=[partnership])
    make_involvement(organisation=organisation, project=project, role="lead")
    activity = make_activity(
        title_de=f"{name} Workshop", partnerships=[partnership], project=project
    )
    document = Document(key=f"{name.lower()}-report", kind="report", title_de=f"{name} Bericht")
    document.project = project
    document.file.save("report.pdf", ContentFile(PDF), save=False)
    document.save()
    person = make_person(name=f"{name} Person", organisation=organisation)
    make_involvement(person=person, partnership=partnership, role="contact")
    proposer = make_user(role=OfficeRole.OFFICE)
    step = step_propose(
        actor=proposer,
        partnership=partnership,
        kind="visit",
        on=datetime.date(2024, 3, 1),
    )
    return World(organisation, partnership, project, activity, document, person, step)


@pytest.fixture
def worlds(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    home = make_place(name="Dortmund")
    return {"own": _world(home, "Own"), "other": _world(home, "Other")}


@pytest.fixture
def user_with_role(worlds):
    """A function: role name → a user with that role, bound to the own world."""

    def make(role: str | None):
        own = worlds["own"]
        if role == "none":
            return make_user()
        if role == OfficeRole.DEPARTMENT_EDITOR:
            return make_user(role=role, organisation=own.organisation)
        if role == OfficeRole.COUNTERPART:
            return make_user(role=role, partnership=own.partnership)
        return make_user(role=role)

    return make
