import datetime

import pytest

from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.services import partnership_add_step
from partnerwerk.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def twinning():
    dortmund = Place.objects.create(
        geonames_id=2935517, name="Dortmund", country="DE", continent="EU"
    )
    kumasi = Place.objects.create(geonames_id=2298890, name="Kumasi", country="GH", continent="AF")
    return Partnership.objects.create(key="do-ku", home=dortmund, partner=kumasi, kind="twinning")


def test_a_partnership_without_steps_is_proposed(twinning):
    assert twinning.status == "proposed"
    assert twinning.since is None


def test_a_council_mandate_puts_a_partnership_in_preparation(twinning):
    partnership_add_step(
        partnership=twinning,
        kind="council_mandate",
        on=datetime.date(2021, 12, 1),
        precision="month",
    )
    twinning.refresh_from_db()
    assert twinning.status == "preparing"
    assert twinning.since is None


def test_a_signed_certificate_makes_it_active_since_that_day(twinning):
    partnership_add_step(
        partnership=twinning, kind="council_mandate", on=datetime.date(2021, 12, 1)
    )
    partnership_add_step(
        partnership=twinning, kind="certificate_signed", on=datetime.date(2024, 5, 14)
    )
    partnership_add_step(partnership=twinning, kind="visit", on=datetime.date(2024, 11, 17))
    twinning.refresh_from_db()
    assert twinning.status == "active"
    assert (twinning.since, twinning.since_precision) == (datetime.date(2024, 5, 14), "day")


def test_the_latest_step_decides_even_when_entered_out_of_order(twinning):
    partnership_add_step(partnership=twinning, kind="suspension", on=datetime.date(2022, 3, 1))
    partnership_add_step(
        partnership=twinning, kind="agreement_signed", on=datetime.date(1977, 1, 1)
    )
    twinning.refresh_from_db()
    assert twinning.status == "suspended"
    assert twinning.since == datetime.date(1977, 1, 1)


def test_a_resumption_makes_a_suspended_partnership_active_again(twinning):
    partnership_add_step(partnership=twinning, kind="suspension", on=datetime.date(2022, 3, 1))
    partnership_add_step(partnership=twinning, kind="resumption", on=datetime.date(2026, 1, 1))
    twinning.refresh_from_db()
    assert twinning.status == "active"


def test_a_recorded_step_makes_it_active_without_inventing_a_start_date(twinning):
    partnership_add_step(
        partnership=twinning, kind="recorded", on=datetime.date(2023, 1, 1), precision="year"
    )
    twinning.refresh_from_db()
    assert twinning.status == "active"
    assert twinning.since is None


def test_a_visit_changes_no_status(twinning):
    partnership_add_step(
        partnership=twinning, kind="council_decision", on=datetime.date(2023, 2, 9)
    )
    step = partnership_add_step(partnership=twinning, kind="visit", on=datetime.date(2023, 6, 19))
    twinning.refresh_from_db()
    assert step.status_after == ""
    assert twinning.status == "approved"


def test_an_explicit_status_after_overrides_the_kinds_default(twinning):
    partnership_add_step(
        partnership=twinning, kind="visit", on=datetime.date(2011, 11, 1), status_after="preparing"
    )
    twinning.refresh_from_db()
    assert twinning.status == "preparing"


def test_a_bulk_of_new_partnerships_takes_status_and_start_from_each_ones_steps():
    from partnerwerk.core.models import Visibility
    from partnerwerk.partnerships.models import PartnershipOrigin, Step, StepKind
    from partnerwerk.partnerships.services import partnerships_prepare_bulk

    recorded = Step(kind=StepKind.RECORDED, date=datetime.date(2026, 2, 8), status_after="active")
    signed = Step(
        kind=StepKind.CERTIFICATE_SIGNED, date=datetime.date(2024, 5, 14), status_after="active"
    )

    prepared = partnerships_prepare_bulk(
        kind="twinning",
        origin=PartnershipOrigin.REGISTRY,
        visibility=Visibility.PUBLIC,
        steps=[[recorded], [], [signed]],
    )

    assert [(p.status, p.since, p.pk) for p in prepared] == [
        ("active", None, None),
        ("proposed", None, None),
        ("active", datetime.date(2024, 5, 14), None),
    ]
    assert Partnership.objects.count() == 0


def test_the_update_service_takes_no_status(twinning):
    from partnerwerk.partnerships.services import partnership_update

    with pytest.raises(TypeError):
        partnership_update(actor=None, partnership=twinning, status="active")


def test_an_imported_step_derives_the_status_and_start(twinning):
    from partnerwerk.partnerships.services_import import step_upsert

    step, state = step_upsert(
        partnership=twinning,
        kind="agreement_signed",
        on=datetime.date(2011, 5, 1),
        precision="day",
        status_after=None,
        decision_body="",
        note_de="",
        note_en="",
        sources=[],
    )
    twinning.refresh_from_db()
    assert state == "created"
    assert (twinning.status, twinning.since) == ("active", datetime.date(2011, 5, 1))


def test_the_bulk_import_refuses_to_write_the_derived_status(twinning):
    from partnerwerk.partnerships.services_import import partnerships_bulk_write

    twinning.status = "active"
    with pytest.raises(ValueError):
        partnerships_bulk_write(update=[twinning], fields=["status"])
