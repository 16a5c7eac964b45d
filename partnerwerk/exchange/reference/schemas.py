"""The shape of each record in the reference YAML files; unknown fields are refused."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from partnerwerk.core.dates import parse_partial_date

Slug = str


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
    significance: Literal["principal", "significant"] = "significant"


class InvolvementRecord(Record):
    organisation: Slug | None = None
    person: Slug | None = None
    role: Literal[
        "coordinator",
        "lead",
        "partner",
        "funder",
        "implementer",
        "participant",
        "contact",
        "donor",
        "adviser",
    ]
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
    kind: Literal[
        "city_office",
        "municipal_company",
        "university",
        "school",
        "association",
        "company",
        "chamber",
        "funder",
        "programme_operator",
        "partner_administration",
        "public_body",
        "religious_community",
    ]
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
    visibility: Literal["public", "internal"] = "internal"
    legal_basis: Literal["public_task", "consent", "contract", "legitimate_interest"]
    email: str = ""
    phone: str = ""
    sources: list[Slug] = Field(min_length=1)


class ProgrammeRecord(Record):
    key: Slug
    name_de: str
    name_en: str = ""
    kind: Literal["federal", "state", "city_strategy", "event_series", "international"]
    description_de: str = ""
    description_en: str = ""
    operator: Slug | None = None
    funder: Slug | None = None
    sources: list[Slug] = Field(min_length=1)


StepKindCode = Literal[
    "proposal",
    "council_mandate",
    "council_decision",
    "start",
    "agreement_signed",
    "certificate_signed",
    "visit",
    "recorded",
    "suspension",
    "resumption",
    "superseded",
    "end",
]
StatusCode = Literal["proposed", "preparing", "approved", "active", "suspended", "ended"]


class StepRecord(Record):
    date: str
    kind: StepKindCode
    status_after: StatusCode | Literal[""] | None = None
    decision_body: str = ""
    note_de: str = ""
    note_en: str = ""
    sources: list[Slug] = Field(min_length=1)

    _date = field_validator("date", mode="before")(_check_partial_date)


class PartnershipRecord(Record):
    key: Slug
    home: int
    partner: int
    kind: Literal["twinning", "friendship", "solidarity", "project", "climate", "contact"]
    origin: Literal["curated", "registry"] = "curated"
    visibility: Literal["public", "internal"] = "public"
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
    kind: Literal[
        "incoming_funds", "commitment", "disbursement", "expenditure", "donation", "in_kind"
    ]
    date: str | None = None
    amount: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    description_de: str = ""
    description_en: str = ""
    provider: Slug | None = None
    receiver: Slug | None = None
    visibility: Literal["public", "internal"] = "public"
    sources: list[Slug] = Field(min_length=1)

    _date = field_validator("date", mode="before")(_check_partial_date)


class ProjectRecord(Record):
    key: Slug
    title_de: str
    title_en: str = ""
    summary_de: str = ""
    summary_en: str = ""
    status: Literal["planned", "ongoing", "completed", "suspended", "cancelled"]
    start: str | None = None
    end: str | None = None
    partnerships: list[Slug] = []
    themes: list[Slug] = []
    programme: Slug | None = None
    visibility: Literal["public", "internal"] = "public"
    sdgs: list[int | SdgRef] = []
    involvements: list[InvolvementRecord] = []
    transactions: list[TransactionRecord] = []
    sources: list[Slug] = Field(min_length=1)

    _dates = field_validator("start", "end", mode="before")(_check_partial_date)


class ActivityRecord(Record):
    key: Slug
    title_de: str
    title_en: str = ""
    kind: Literal[
        "delegation_visit",
        "workshop",
        "training",
        "conference",
        "meeting",
        "donation",
        "exchange",
        "festival",
        "signing",
    ]
    description_de: str = ""
    description_en: str = ""
    start: str | None = None
    end: str | None = None
    place: int | None = None
    location_text: str = ""
    project: Slug | None = None
    partnerships: list[Slug] = []
    themes: list[Slug] = []
    visibility: Literal["public", "internal"] = "public"
    sdgs: list[int | SdgRef] = []
    involvements: list[InvolvementRecord] = []
    transactions: list[TransactionRecord] = []
    sources: list[Slug] = Field(min_length=1)

    _dates = field_validator("start", "end", mode="before")(_check_partial_date)


class DocumentRecord(Record):
    key: Slug
    kind: Literal[
        "mou",
        "agreement",
        "certificate",
        "council_resolution",
        "report",
        "photo",
        "press_release",
    ]
    status: Literal["in_preparation", "draft", "final", "signed"] = "final"
    title_de: str
    title_en: str = ""
    date: str | None = None
    credit: str = ""
    alt_text_de: str = ""
    alt_text_en: str = ""
    visibility: Literal["public", "internal"] = "public"
    partnership: Slug | None = None
    project: Slug | None = None
    activity: Slug | None = None
    sources: list[Slug] = Field(min_length=1)

    _date = field_validator("date", mode="before")(_check_partial_date)
