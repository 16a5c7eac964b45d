"""A small synthetic world for reports: a home city, two partner cities, records inside and
outside 2024, money of every kind, and sources (every name says "Synthetic")."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from partnerwerk.core.models import Visibility
from partnerwerk.documents.models import Document
from partnerwerk.sdg.models import SdgTag
from partnerwerk.testing import (
    make_activity,
    make_involvement,
    make_organisation,
    make_partnership,
    make_person,
    make_place,
    make_project,
    make_source,
    make_transaction,
)

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)


@dataclass
class World:
    home: object
    partner: object
    other_partner: object
    partnership: object
    other_partnership: object
    project: object
    internal_project: object
    activity: object
    old_activity: object
    funder: object
    source: object


def report_world() -> World:
    """The world; the caller sets MEDIA_ROOT and database access (the `world` fixtures)."""
    source = make_source(title="Synthetic council minutes", url="https://example.org/minutes")
    home = make_place(
        name="Synthetic Home",
        geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID,
        latitude=51.5,
        longitude=7.5,
    )
    partner = make_place(name="Synthetic Partner", country="GH", latitude=6.7, longitude=-1.6)
    other_partner = make_place(name="Synthetic Other", country="PL", latitude=52.2, longitude=21.0)
    partnership = make_partnership(
        key="synthetic-twinning",
        home=home,
        partner=partner,
        steps=[
            {"kind": "council_mandate", "on": datetime.date(2021, 12, 1), "sources": [source]},
            {"kind": "certificate_signed", "on": datetime.date(2024, 5, 14), "sources": [source]},
        ],
        sources=[source],
        description_de="Eine synthetische Partnerschaft.",
    )
    step = partnership.steps.get(kind="certificate_signed")
    step.office_note = "Synthetic internal remark"
    step.save()
    other_partnership = make_partnership(
        key="synthetic-other",
        home=home,
        partner=other_partner,
        steps=[{"kind": "start", "on": datetime.date(1990, 1, 1), "precision": "year"}],
    )
    SdgTag.objects.create(partnership=partnership, goal_id=17, significance="principal")
    SdgTag.objects.create(
        partnership=partnership, goal_id=11, target_id="11.6", significance="significant"
    )
    project = make_project(
        key="synthetic-water",
        title_de="Synthetisches Wasserprojekt",
        title_en="Synthetic water project",
        partnerships=[partnership],
        sources=[source],
        start_date=datetime.date(2023, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    SdgTag.objects.create(project=project, goal_id=6, significance="principal")
    internal_project = make_project(
        key="synthetic-internal",
        title_de="Synthetisches internes Projekt",
        partnerships=[partnership],
        visibility=Visibility.INTERNAL,
        start_date=datetime.date(2024, 2, 1),
    )
    activity = make_activity(
        key="synthetic-visit",
        title_de="Synthetischer Besuch",
        partnerships=[partnership],
        start_date=datetime.date(2024, 11, 17),
        sources=[source],
    )
    SdgTag.objects.create(activity=activity, goal_id=4, significance="significant")
    old_activity = make_activity(
        key="synthetic-old-visit",
        title_de="Synthetischer alter Besuch",
        partnerships=[partnership],
        start_date=datetime.date(2011, 11, 1),
    )
    funder = make_organisation(name="Synthetic Funder")
    make_transaction(
        key="t-disbursement",
        project=project,
        amount=Decimal("1000.00"),
        date=datetime.date(2024, 3, 1),
        provider=funder,
    ).sources.set([source])
    make_transaction(
        key="t-foreign",
        project=project,
        kind="expenditure",
        amount=Decimal("1250.00"),
        currency="GHS",
        exchange_rate=Decimal("12.5"),
        amount_eur=Decimal("100.00"),
        value_date=datetime.date(2024, 6, 1),
        date=datetime.date(2024, 6, 1),
    )
    make_transaction(
        key="t-commitment",
        project=project,
        kind="commitment",
        amount=Decimal("9000.00"),
        date=datetime.date(2024, 1, 15),
    )
    make_transaction(
        key="t-2023", project=project, amount=Decimal("7000.00"), date=datetime.date(2023, 3, 1)
    )
    # undated: counts by its activity's date (the cheque handed over at the visit)
    make_transaction(key="t-cheque", activity=activity, kind="donation", amount=Decimal("50.00"))
    make_transaction(
        key="t-goods",
        activity=activity,
        kind="in_kind",
        amount=Decimal("300.00"),
        description_de="Synthetische Sachspende",
        date=datetime.date(2024, 11, 17),
    )
    make_transaction(
        key="t-internal",
        project=internal_project,
        amount=Decimal("400.00"),
        date=datetime.date(2024, 4, 1),
    )
    Document.objects.create(
        key="synthetic-mou",
        kind="mou",
        status="signed",
        title_de="Synthetische Absichtserklärung",
        date=datetime.date(2024, 9, 1),
        partnership=partnership,
    )
    person = make_person(name="Synthetic Contact")
    make_involvement(person=person, partnership=partnership, role="contact")
    hidden = make_person(name="Synthetic Hidden Person", visibility=Visibility.INTERNAL)
    make_involvement(person=hidden, partnership=partnership, role="contact")
    return World(
        home,
        partner,
        other_partner,
        partnership,
        other_partnership,
        project,
        internal_project,
        activity,
        old_activity,
        funder,
        source,
    )
