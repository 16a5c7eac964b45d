"""What the API promises: the shapes of `partnerwerk.exchange.serializers`, declared for OpenAPI.

The dicts are built once, in the serializers, and only checked and documented here, so the
API and the exports cannot drift apart. Vocabularies are enums of their stable codes.
"""

from ninja import Field, Schema

from partnerwerk.actors.models import OrganisationKind, Role
from partnerwerk.partnerships.models import (
    PartnershipKind,
    PartnershipOrigin,
    PartnershipStatus,
    StepKind,
)
from partnerwerk.places.models import Continent
from partnerwerk.projects.models import ActivityKind, ProjectStatus

PARTIAL_DATE = "A date with its precision: 2011, 2023-02 or 2024-05-14."
KEY = "Stable key of the record."


class InvalidInputOut(Schema):
    loc: list[str | int] = Field(
        description="Where: the part of the request (query, path, body) and the parameter."
    )
    msg: str = Field(description="What is wrong with it.")
    type: str = Field(description="The kind of error, a stable code.")


class ErrorOut(Schema):
    """Every error answer of the API (decision record 0018)."""

    detail: str = Field(description="What went wrong, as a sentence.")
    errors: list[InvalidInputOut] = Field(
        default_factory=list, description="For invalid input (422): each parameter refused."
    )


class SourceOut(Schema):
    key: str
    title: str
    url: str | None
    seed_file: str | None = Field(description="File name of a source page.")


class PlaceReferenceOut(Schema):
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    geonames_id: int | None
    lat: float | None
    lon: float | None


class InvolvementOut(Schema):
    role: Role
    organisation: str | None = Field(description="Key of the organisation.")
    person: str | None = Field(description="Key of the person (only people named in public).")


class PlaceOut(Schema):
    geonames_id: int | None = Field(description="GeoNames id; identifies the place.")
    wikidata_id: str | None
    name: str = Field(description="International name as GeoNames gives it.")
    name_native: str
    name_de: str
    name_en: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    continent: Continent
    region: str
    population: int | None
    population_year: int | None
    lat: float | None
    lon: float | None
    description_de: str
    description_en: str
    sources: list[SourceOut]


class PlaceOptionOut(Schema):
    """A place found by its name, with what tells namesakes apart."""

    ref: str = Field(description="GeoNames id of the place, or `p<id>` for a place without one.")
    name: str = Field(description="Name in the asked language where known, else GeoNames' name.")
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    country_name: str = Field(description="Name of the country in the asked language.")
    population: int | None
    population_text: str = Field(
        description="The population as a phrase, e.g. “89,179 inhabitants”."
    )
    label: str = Field(description="Name and country, e.g. “Kumasi, Ghana”.")
    description: str = Field(
        description="Country and population, e.g. “Ghana · 2,544,530 inhabitants”."
    )


class StepOut(Schema):
    date: str = Field(description=PARTIAL_DATE)
    type: StepKind
    status_after: PartnershipStatus | None = Field(
        description="Status after the step; null when the step changes no status."
    )
    dated_by_report: bool = Field(
        description="True when the date is the date a source reported the step, not when it "
        "happened (which no source states)."
    )
    note: str = Field(description="Note in German.")


class PartnershipOut(Schema):
    id: str = Field(description=KEY)
    kind: PartnershipKind
    status: PartnershipStatus = Field(description="Follows from the steps.")
    since: str | None = Field(description=PARTIAL_DATE)
    origin: PartnershipOrigin
    home: PlaceReferenceOut
    partner: PlaceReferenceOut
    succeeds: str | None = Field(description="Key of the partnership this one grew out of.")
    description_de: str
    description_en: str
    steps: list[StepOut]
    themes: list[str] = Field(description="Theme codes.")
    sdgs: list[int] = Field(description="Numbers of the SDGs served, ascending.")
    sources: list[SourceOut]


class OrganisationOut(Schema):
    id: str = Field(description=KEY)
    name: str = Field(description="Name in its own language.")
    name_en: str
    short_name: str
    kind: OrganisationKind
    parent: str | None = Field(description="Key of the parent organisation.")
    place: PlaceReferenceOut | None
    website: str | None
    iati_identifier: str | None
    description_de: str
    description_en: str
    sources: list[SourceOut]


class ProjectOut(Schema):
    id: str = Field(description=KEY)
    title_de: str
    title_en: str
    summary_de: str
    summary_en: str
    status: ProjectStatus
    start: str | None = Field(description=PARTIAL_DATE)
    end: str | None = Field(description=PARTIAL_DATE)
    programme: str | None = Field(description="Key of the programme.")
    partnerships: list[str] = Field(description="Keys of the partnerships.")
    themes: list[str] = Field(description="Theme codes.")
    sdgs: list[int] = Field(description="Numbers of the SDGs served, ascending.")
    involvements: list[InvolvementOut]
    sources: list[SourceOut]


class ActivityOut(Schema):
    id: str = Field(description=KEY)
    title_de: str
    title_en: str
    kind: ActivityKind
    description_de: str
    description_en: str
    start: str | None = Field(description=PARTIAL_DATE)
    end: str | None = Field(description=PARTIAL_DATE)
    place: PlaceReferenceOut | None
    location: str = Field(description="Where, when no place record fits.")
    project: str | None = Field(description="Key of the project.")
    partnerships: list[str] = Field(description="Keys of the partnerships.")
    themes: list[str] = Field(description="Theme codes.")
    sdgs: list[int] = Field(description="Numbers of the SDGs served, ascending.")
    involvements: list[InvolvementOut]
    sources: list[SourceOut]


class PartnershipFilters(Schema):
    kind: PartnershipKind | None = None
    status: PartnershipStatus | None = None
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code of the partner."
    )
    theme: str | None = Field(None, description="Theme code.")
    sdg: int | None = Field(None, ge=1, le=17, description="Number of an SDG.")
    origin: PartnershipOrigin = Field(
        PartnershipOrigin.CURATED,
        description="Curated by the office (default) or taken from registry data.",
    )


class PlaceFilters(Schema):
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code."
    )
