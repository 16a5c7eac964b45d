"""The shape of each record in the reference YAML files; unknown fields are refused."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from partnerwerk.action_programmes.models import Side
from partnerwerk.actors.models import LegalBasis, OrganisationKind, Role
from partnerwerk.core.dates import parse_partial_date
from partnerwerk.core.models import Visibility
from partnerwerk.documents.models import DocumentKind, DocumentStatus
from partnerwerk.partnerships.models import (
    PartnershipKind,
    PartnershipOrigin,
    PartnershipStatus,
    StepKind,
)
from partnerwerk.programmes.models import ProgrammeKind
from partnerwerk.projects.models import ActivityKind, ProjectStatus, TransactionKind
from partnerwerk.sdg.models import Significance

Slug = str


def codes(choices):
    """The model's own choice codes as a type, so the file and the database share one list."""
    return Literal[tuple(choices.values)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _check_partial_date(value):
    if value is None or value == "":
        return None
    parse_partial_date(str(value))
    return str(value)


class SdgRef(Record):
    goal: int = Field(ge=1, le=17)
    target: str | None = None
    significance: codes(Significance) = "significant"
    # The sources that state this goal; without any, the goal is the office's classification.
    sources: list[Slug] = []


class InvolvementRecord(Record):
    organisation: Slug | None = None
    person: Slug | None = None
    role: codes(Role)
    note_de: str = ""
    note_en: str = ""
    sources: list[Slug] = Field(min_length=1)


class SourceRecord(Record):
    key: Slug
    title: str
    url: str = ""
    seed_file: str = ""
    publisher: str = ""
    published: str = ""
    licence: str = ""

    _published = field_validator("published", mode="before")(
        lambda value: _check_partial_date(value) or ""
    )


class ThemeRecord(Record):
    code: Slug
    name_de: str
    name_en: str
    name_fr: str = ""
    sdgs: list[int] = []


class PlaceRecord(Record):
    geonames_id: int
    name_de: str = ""
    name_en: str = ""
    name_native: str = ""
    region: str = ""
    wikidata_id: str = ""
    description_de: str = ""
    description_en: str = ""
    sources: list[Slug] = Field(min_length=1)


class OrganisationRecord(Record):
    key: Slug
    name: str
    name_en: str = ""
    short_name: str = ""
    kind: codes(OrganisationKind)
    parent: Slug | None = None
    place: int | None = None
    address: str = ""
    website: str = ""
    description_de: str = ""
    description_en: str = ""
    sources: list[Slug] = Field(min_length=1)


class PersonRecord(Record):
    key: Slug
    name: str
    honorific: str = ""
    function_de: str = ""
    function_en: str = ""
    organisation: Slug | None = None
    visibility: codes(Visibility) = "internal"
    legal_basis: codes(LegalBasis)
    email: str = ""
    phone: str = ""
    sources: list[Slug] = Field(min_length=1)


class ProgrammeRecord(Record):
    key: Slug
    name_de: str
    name_en: str = ""
    kind: codes(ProgrammeKind)
    description_de: str = ""
    description_en: str = ""
    operator: Slug | None = None
    funder: Slug | None = None
    sources: list[Slug] = Field(min_length=1)


StepKindCode = codes(StepKind)
StatusCode = codes(PartnershipStatus)


class StepRecord(Record):
    date: str
    kind: StepKindCode
    status_after: StatusCode | Literal[""] | None = None
    decision_body: str = ""
    note_de: str = ""
    note_en: str = ""
    dated_by_report: bool = False
    office_note: str = ""
    sources: list[Slug] = Field(min_length=1)

    _date = field_validator("date", mode="before")(_check_partial_date)


class PartnershipRecord(Record):
    key: Slug
    home: int
    partner: int
    kind: codes(PartnershipKind)
    origin: codes(PartnershipOrigin) = "curated"
    visibility: codes(Visibility) = "public"
    succeeds: Slug | None = None
    description_de: str = ""
    description_en: str = ""
    themes: list[Slug] = []
    programmes: list[Slug] = []
    sdgs: list[int | SdgRef] = []
    involvements: list[InvolvementRecord] = []
    sources: list[Slug] = Field(min_length=1)
    steps: list[StepRecord] = Field(min_length=1)


class TransactionRecord(Record):
    key: Slug
    kind: codes(TransactionKind)
    date: str | None = None
    amount: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    description_de: str = ""
    description_en: str = ""
    provider: Slug | None = None
    receiver: Slug | None = None
    visibility: codes(Visibility) = "public"
    sources: list[Slug] = Field(min_length=1)

    _date = field_validator("date", mode="before")(_check_partial_date)


class ProjectRecord(Record):
    key: Slug
    title_de: str
    title_en: str = ""
    summary_de: str = ""
    summary_en: str = ""
    status: codes(ProjectStatus)
    start: str | None = None
    end: str | None = None
    partnerships: list[Slug] = []
    themes: list[Slug] = []
    programme: Slug | None = None
    visibility: codes(Visibility) = "public"
    sdgs: list[int | SdgRef] = []
    involvements: list[InvolvementRecord] = []
    transactions: list[TransactionRecord] = []
    sources: list[Slug] = Field(min_length=1)

    _dates = field_validator("start", "end", mode="before")(_check_partial_date)


class ActivityRecord(Record):
    key: Slug
    title_de: str
    title_en: str = ""
    kind: codes(ActivityKind)
    description_de: str = ""
    description_en: str = ""
    start: str | None = None
    end: str | None = None
    place: int | None = None
    location_text: str = ""
    project: Slug | None = None
    partnerships: list[Slug] = []
    themes: list[Slug] = []
    visibility: codes(Visibility) = "public"
    sdgs: list[int | SdgRef] = []
    involvements: list[InvolvementRecord] = []
    transactions: list[TransactionRecord] = []
    sources: list[Slug] = Field(min_length=1)

    _dates = field_validator("start", "end", mode="before")(_check_partial_date)


class DocumentRecord(Record):
    key: Slug
    kind: codes(DocumentKind)
    status: codes(DocumentStatus) = "final"
    title_de: str
    title_en: str = ""
    date: str | None = None
    credit: str = ""
    alt_text_de: str = ""
    alt_text_en: str = ""
    visibility: codes(Visibility) = "public"
    partnership: Slug | None = None
    project: Slug | None = None
    activity: Slug | None = None
    sources: list[Slug] = Field(min_length=1)

    _date = field_validator("date", mode="before")(_check_partial_date)


class FieldOfActionRecord(Record):
    key: Slug
    name_de: str = ""
    name_en: str = ""
    theme: Slug | None = None
    description_de: str = ""
    description_en: str = ""
    sources: list[Slug] = Field(min_length=1)


class StrategyRecord(Record):
    """A city's own strategy the programme draws on; `source` is where it is named."""

    key: Slug
    side: codes(Side)
    title_de: str = ""
    title_en: str = ""
    city_strategy: Slug | None = None
    url: str = ""
    source: Slug


class JointProgrammeRecord(Record):
    """The skeleton of a partnership's joint programme of action (decision 0029): only what
    the sources say, so fields of action and strategies, never invented goals or figures."""

    key: Slug
    partnership: Slug
    title_de: str = ""
    title_en: str = ""
    vision_de: str = ""
    vision_en: str = ""
    current: bool = True
    visibility: codes(Visibility) = "internal"
    fields: list[FieldOfActionRecord] = []
    strategies: list[StrategyRecord] = []
    sources: list[Slug] = Field(min_length=1)
