"""The records of a joint programme of action (decision 0029)."""

from partnerwerk.action_programmes.models.common import Side
from partnerwerk.action_programmes.models.indicators import Indicator, Reading
from partnerwerk.action_programmes.models.measures import (
    CLOSED_STATUSES,
    SIDE_FIELDS,
    Measure,
    MeasureComment,
    MeasureStatus,
)
from partnerwerk.action_programmes.models.programmes import (
    FieldOfAction,
    Goal,
    JointProgramme,
    Review,
    StrategyLink,
)

# The way from each record up to the partnership whose programme it belongs to: what a
# partner-city counterpart may read and write follows from it (accounts.rules/selectors).
PARTNERSHIP_PATHS = {
    JointProgramme: "partnership",
    StrategyLink: "programme__partnership",
    FieldOfAction: "programme__partnership",
    Review: "programme__partnership",
    Goal: "field_of_action__programme__partnership",
    Measure: "goal__field_of_action__programme__partnership",
    Indicator: "goal__field_of_action__programme__partnership",
    MeasureComment: "measure__goal__field_of_action__programme__partnership",
    Reading: "indicator__goal__field_of_action__programme__partnership",
}


def partnership_id_of(record) -> int | None:
    """The id of the partnership a programme's record belongs to (a partnership's own id for
    a partnership), or None for anything else."""
    from partnerwerk.partnerships.models import Partnership

    if isinstance(record, Partnership):
        return record.pk
    path = PARTNERSHIP_PATHS.get(type(record))
    if path is None or record is None:
        return None
    *steps, last = path.split("__")
    for step in steps:
        record = getattr(record, step)
    return getattr(record, f"{last}_id")


__all__ = [
    "CLOSED_STATUSES",
    "FieldOfAction",
    "Goal",
    "Indicator",
    "JointProgramme",
    "Measure",
    "MeasureComment",
    "MeasureStatus",
    "PARTNERSHIP_PATHS",
    "Reading",
    "Review",
    "SIDE_FIELDS",
    "Side",
    "StrategyLink",
    "partnership_id_of",
]
