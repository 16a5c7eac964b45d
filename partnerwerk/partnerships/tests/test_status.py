import datetime

from partnerwerk.core.models import DatePrecision
from partnerwerk.partnerships.models import PartnershipStatus, Step, StepKind
from partnerwerk.partnerships.status import DerivedStatus, derive_status


def _step(kind, on, status_after, precision=DatePrecision.DAY):
    return Step(kind=kind, date=on, date_precision=precision, status_after=status_after)


def test_no_steps_derive_a_proposed_partnership_without_a_start():
    assert derive_status([]) == DerivedStatus(PartnershipStatus.PROPOSED, None, "")


def test_the_last_status_changing_step_decides_and_the_first_starting_step_dates_it():
    steps = [
        _step(StepKind.COUNCIL_MANDATE, datetime.date(2021, 12, 1), PartnershipStatus.PREPARING),
        _step(StepKind.CERTIFICATE_SIGNED, datetime.date(2024, 5, 14), PartnershipStatus.ACTIVE),
        _step(StepKind.VISIT, datetime.date(2024, 6, 1), ""),
    ]

    derived = derive_status(steps)

    assert derived == DerivedStatus(
        PartnershipStatus.ACTIVE, datetime.date(2024, 5, 14), DatePrecision.DAY
    )


def test_a_recorded_step_derives_an_active_partnership_without_a_start_date():
    derived = derive_status(
        [_step(StepKind.RECORDED, datetime.date(2026, 2, 8), PartnershipStatus.ACTIVE)]
    )

    assert derived == DerivedStatus(PartnershipStatus.ACTIVE, None, "")
