"""Small factories for tests: each makes one valid record; keyword arguments override fields.

Partnership steps go through `partnership_add_step`, so status and start date are derived
exactly as in the product.
"""

import datetime
import itertools

from partnerwerk.actors.models import (
    Involvement,
    LegalBasis,
    Organisation,
    OrganisationKind,
    Person,
    Role,
)
from partnerwerk.core.models import Source, Visibility
from partnerwerk.partnerships.models import Partnership, PartnershipKind, Theme
from partnerwerk.partnerships.services import partnership_add_step
from partnerwerk.places.models import Continent, Place
from partnerwerk.programmes.models import Programme, ProgrammeKind
from partnerwerk.projects.models import Activity, ActivityKind, Project, ProjectStatus
from partnerwerk.sdg.models import SdgTag

_sequence = itertools.count(1)


def _next() -> int:
    return next(_sequence)


def make_source(**overrides) -> Source:
    number = _next()
    fields = {
        "key": f"source-{number}",
        "title": f"Source {number}",
        "url": f"https://example.org/source/{number}",
    }
    fields.update(overrides)
    return Source.objects.create(**fields)


def make_place(**overrides) -> Place:
    number = _next()
    fields = {
        "geonames_id": 9_000_000 + number,
        "name": f"Place {number}",
        "country": "DE",
        "continent": Continent.EUROPE,
        "latitude": 51.5,
        "longitude": 7.5,
    }
    fields.update(overrides)
    return Place.objects.create(**fields)


def make_theme(**overrides) -> Theme:
    number = _next()
    fields = {"code": f"theme-{number}", "name_de": f"Thema {number}", "name_en": f"Theme {number}"}
    fields.update(overrides)
    return Theme.objects.create(**fields)


def make_partnership(*, steps=(), themes=(), sdgs=(), sources=(), **overrides) -> Partnership:
    """A partnership; `steps` are keyword dicts for partnership_add_step, e.g.
    {"kind": "agreement_signed", "on": date(2011, 1, 1), "precision": "year"}."""
    number = _next()
    fields = {"key": f"partnership-{number}", "kind": PartnershipKind.TWINNING}
    fields.update(overrides)
    if "home" not in fields:
        fields["home"] = make_place()
    if "partner" not in fields:
        fields["partner"] = make_place()
    partnership = Partnership.objects.create(**fields)
    for step in steps:
        partnership_add_step(partnership=partnership, **step)
    partnership.themes.set(themes)
    partnership.sources.set(sources)
    for goal in sdgs:
        SdgTag.objects.create(partnership=partnership, goal_id=goal)
    partnership.refresh_from_db()
    return partnership


def make_active_partnership(**overrides) -> Partnership:
    step = {"kind": "agreement_signed", "on": datetime.date(2011, 5, 14)}
    return make_partnership(steps=[step], **overrides)


def make_organisation(**overrides) -> Organisation:
    number = _next()
    fields = {
        "key": f"organisation-{number}",
        "name": f"Organisation {number}",
        "kind": OrganisationKind.CITY_OFFICE,
    }
    fields.update(overrides)
    return Organisation.objects.create(**fields)


def make_person(**overrides) -> Person:
    number = _next()
    fields = {
        "key": f"person-{number}",
        "name": f"Person {number}",
        "visibility": Visibility.PUBLIC,
        "legal_basis": LegalBasis.PUBLIC_TASK,
    }
    fields.update(overrides)
    return Person.objects.create(**fields)


def make_programme(**overrides) -> Programme:
    number = _next()
    fields = {
        "key": f"programme-{number}",
        "name_de": f"Programm {number}",
        "kind": ProgrammeKind.FEDERAL,
    }
    fields.update(overrides)
    return Programme.objects.create(**fields)


def make_project(*, partnerships=(), themes=(), sdgs=(), sources=(), **overrides) -> Project:
    number = _next()
    fields = {
        "key": f"project-{number}",
        "title_de": f"Projekt {number}",
        "status": ProjectStatus.ONGOING,
    }
    fields.update(overrides)
    project = Project.objects.create(**fields)
    project.partnerships.set(partnerships)
    project.themes.set(themes)
    project.sources.set(sources)
    for goal in sdgs:
        SdgTag.objects.create(project=project, goal_id=goal)
    return project


def make_activity(*, partnerships=(), themes=(), sdgs=(), sources=(), **overrides) -> Activity:
    number = _next()
    fields = {
        "key": f"activity-{number}",
        "title_de": f"Aktivität {number}",
        "kind": ActivityKind.WORKSHOP,
    }
    fields.update(overrides)
    activity = Activity.objects.create(**fields)
    activity.partnerships.set(partnerships)
    activity.themes.set(themes)
    activity.sources.set(sources)
    for goal in sdgs:
        SdgTag.objects.create(activity=activity, goal_id=goal)
    return activity


def make_involvement(**overrides) -> Involvement:
    """An involvement; pass one of organisation/person and one of partnership/project/activity."""
    fields = {"role": Role.PARTNER}
    fields.update(overrides)
    return Involvement.objects.create(**fields)
