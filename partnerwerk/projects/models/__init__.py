"""The projects app's models, one module per part of a project; every name is importable
from `partnerwerk.projects.models` as before the split."""

from partnerwerk.projects.models.activities import Activity, ActivityKind
from partnerwerk.projects.models.money import (
    Budget,
    BudgetKind,
    BudgetStatus,
    FundingSource,
    Transaction,
    TransactionKind,
)
from partnerwerk.projects.models.participants import (
    PARTICIPANT_ROLE_IATI_CODES,
    ParticipantRole,
    ProjectLocation,
    ProjectParticipant,
)
from partnerwerk.projects.models.projects import (
    Project,
    ProjectStatus,
    PublicQuerySet,
    period_constraint,
)
from partnerwerk.projects.models.results import (
    MEASURE_IATI_CODES,
    RESULT_KIND_IATI_CODES,
    IndicatorPeriod,
    Measure,
    Result,
    ResultIndicator,
    ResultKind,
)

__all__ = [
    "MEASURE_IATI_CODES",
    "PARTICIPANT_ROLE_IATI_CODES",
    "RESULT_KIND_IATI_CODES",
    "Activity",
    "ActivityKind",
    "Budget",
    "BudgetKind",
    "BudgetStatus",
    "FundingSource",
    "IndicatorPeriod",
    "Measure",
    "Project",
    "ProjectLocation",
    "ProjectParticipant",
    "ProjectStatus",
    "ParticipantRole",
    "PublicQuerySet",
    "Result",
    "ResultIndicator",
    "ResultKind",
    "Transaction",
    "TransactionKind",
    "period_constraint",
]
