"""A partnership's status and start date, derived from its steps: the one place of the rule
(decision record 0003). `partnership_refresh_status` writes what this derives for one
partnership, `partnerships_prepare_bulk` for the new partnerships of a bulk import."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from partnerwerk.partnerships.models import START_KINDS, PartnershipStatus, Step


@dataclass(frozen=True)
class DerivedStatus:
    status: str
    since: datetime.date | None
    since_precision: str


def derive_status(steps: Iterable[Step]) -> DerivedStatus:
    """The status after the last status-changing step and the date of the first starting step,
    for `steps` in the order of their date (and id): the steps in force, none deleted."""
    steps = list(steps)
    status = PartnershipStatus.PROPOSED
    for step in steps:
        if step.status_after:
            status = step.status_after
    start = next((step for step in steps if step.kind in START_KINDS), None)
    return DerivedStatus(
        status=status,
        since=start.date if start else None,
        since_precision=start.date_precision if start else "",
    )
