"""Small factories for tests: each makes one valid record; keyword arguments override fields.

Partnership steps go through `partnership_add_step`, so status and start date are derived
exactly as in the product.
"""

import datetime
import itertools

from django.conf import settings

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


# --- accounts: users with office roles, signed in with two factors (issue 4) ------------------


def make_user(*, role=None, organisation=None, partnership=None, password=None, **overrides):
    """A user, with one office role when `role` is given ("office", "department_editor" with
    an organisation, "counterpart" with a partnership, "viewer", "administrator"). Without a
    password the account has none (hashing one is slow; tests sign in with
    `sign_in_with_two_factors`)."""
    from django.contrib.auth import get_user_model

    from partnerwerk.accounts.models import Membership

    number = _next()
    fields = {"username": f"user-{number}", "email": f"user-{number}@example.org"}
    fields.update(overrides)
    user = get_user_model().objects.create_user(password=password, **fields)
    if role:
        Membership.objects.create(
            user=user, role=role, organisation=organisation, partnership=partnership
        )
    return user


def sign_in_with_two_factors(client, user):
    """Sign the test client in as `user` with both factors done (a confirmed authenticator
    is created); returns the authenticator device."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def totp_now(device) -> str:
    """The code an authenticator app would show for `device` right now."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def make_transaction(**overrides):
    """A transaction; pass project= or activity= (a project is made when neither is given)."""
    from decimal import Decimal

    from partnerwerk.projects.models import Transaction

    number = _next()
    fields = {"key": f"transaction-{number}", "kind": "disbursement", "amount": Decimal("100.00")}
    fields.update(overrides)
    if "project" not in fields and "activity" not in fields:
        fields["project"] = make_project()
    return Transaction.objects.create(**fields)


def make_budget(**overrides):
    from decimal import Decimal

    from partnerwerk.projects.models import Budget

    fields = {
        "period_start": datetime.date(2025, 1, 1),
        "period_end": datetime.date(2025, 12, 31),
        "amount": Decimal("1000.00"),
    }
    fields.update(overrides)
    if "project" not in fields:
        fields["project"] = make_project()
    return Budget.objects.create(**fields)


# --- joint programmes of action (issue 16, decision 0029) -------------------------------------


def make_joint_programme(*, partnership=None, **overrides):
    """A current, internal programme of `partnership` (a climate partnership when None)."""
    from partnerwerk.action_programmes.models import JointProgramme

    number = _next()
    fields = {
        "key": f"programme-{number}",
        "title_de": f"Handlungsprogramm {number}",
        "is_current": True,
    }
    fields.update(overrides)
    if partnership is None:
        partnership = make_partnership(kind=PartnershipKind.CLIMATE)
    return JointProgramme.objects.create(partnership=partnership, **fields)


def make_field_of_action(*, programme=None, **overrides):
    from partnerwerk.action_programmes.models import FieldOfAction

    number = _next()
    fields = {"key": f"field-{number}", "name_de": f"Handlungsfeld {number}"}
    fields.update(overrides)
    return FieldOfAction.objects.create(programme=programme or make_joint_programme(), **fields)


def make_programme_goal(*, field_of_action=None, **overrides):
    from partnerwerk.action_programmes.models import Goal

    fields = {"title_de": f"Ziel {_next()}"}
    fields.update(overrides)
    return Goal.objects.create(field_of_action=field_of_action or make_field_of_action(), **fields)


def make_measure(*, goal=None, **overrides):
    from partnerwerk.action_programmes.models import Measure

    fields = {"title_de": f"Maßnahme {_next()}"}
    fields.update(overrides)
    return Measure.objects.create(goal=goal or make_programme_goal(), **fields)


def make_indicator(*, goal=None, **overrides):
    from decimal import Decimal

    from partnerwerk.action_programmes.models import Indicator

    fields = {
        "title_de": f"Indikator {_next()}",
        "unit_de": "Bäume",
        "unit_en": "trees",
        "baseline_value": Decimal("0"),
        "baseline_date": datetime.date(2024, 1, 1),
        "target_value": Decimal("100"),
        "target_date": datetime.date(2026, 12, 31),
    }
    fields.update(overrides)
    return Indicator.objects.create(goal=goal or make_programme_goal(), **fields)


def make_funding_call(
    *, criteria=(("Wirkung", "Impact", 2), ("Partnerschaft", "Partnership", 1)), **overrides
):
    """A public call, open from a month ago until a month from now, with two criteria."""
    from decimal import Decimal

    from partnerwerk.grants.models import Criterion, FundingCall

    today = datetime.date.today()
    fields = {
        "key": f"call-{_next()}",
        "title_de": "Förderung internationaler Zusammenarbeit",
        "title_en": "Funding for international cooperation",
        "purpose_de": "Projekte Dortmunder Vereine mit Partnern im Ausland.",
        "budget": Decimal("10000.00"),
        "opens_on": today - datetime.timedelta(days=30),
        "closes_on": today + datetime.timedelta(days=30),
        "is_public": True,
    }
    fields.update(overrides)
    call = FundingCall.objects.create(**fields)
    for name_de, name_en, weight in criteria:
        Criterion.objects.create(call=call, name_de=name_de, name_en=name_en, weight=weight)
    return call


def make_applicant_user(*, applicant=None, password=None, **overrides):
    """An active account acting for an association (a new one unless `applicant` is given)."""
    from partnerwerk.grants.models import Applicant, ApplicantMember

    user = make_user(password=password, **overrides)
    if applicant is None:
        number = _next()
        applicant = Applicant.objects.create(
            name=f"Verein {number} e.V.",
            address="Friedensplatz 1, 44135 Dortmund",
            contact_name="Erika Muster",
            contact_email=user.email,
        )
    ApplicantMember.objects.create(user=user, applicant=applicant)
    return user


def load_reference_data() -> None:
    """The reference data, with the SDG texts it cites: a migration loads them, but a
    transactional test (browser tests) empties every table when it ends, migrations' rows
    included, so a later one loads them again."""
    from partnerwerk.exchange.reference.loader import load_reference
    from partnerwerk.sdg.models import Goal, Indicator, Target
    from partnerwerk.sdg.texts import load_sdg_texts

    if not Goal.objects.exists():
        load_sdg_texts(Goal, Target, Indicator)
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)
