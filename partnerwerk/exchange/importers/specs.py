"""What each dataset of the spreadsheet import reads, and which service writes it."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy

from partnerwerk.actors import services_import as actor_services
from partnerwerk.actors.models import Organisation, OrganisationKind
from partnerwerk.exchange.importers.cells import (
    choice,
    many,
    partial_date,
    place,
    reference,
    text,
    url,
)
from partnerwerk.partnerships import services_import as partnership_services
from partnerwerk.partnerships.models import (
    Partnership,
    PartnershipKind,
    PartnershipOrigin,
    Theme,
)
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects import services_import as project_services
from partnerwerk.projects.models import Activity, ActivityKind, Project, ProjectStatus


@dataclass
class Spec:
    model: type[models.Model]
    fields: dict[str, tuple[str | tuple[str, str], Callable]]  # column → (field(s), parser)
    m2m: dict[str, tuple[str, Callable]] = field(default_factory=dict)  # column → (attr, parser)
    ignored: tuple[str, ...] = ()
    has_visibility: bool = True
    # The owning app's bulk service: write(create=..., update=..., fields=..., user=...).
    write: Callable | None = None
    # The owning app's service replacing a many-to-many link: (attribute=..., links=...).
    replace_links: Callable | None = None

    @property
    def columns(self) -> list[str]:
        extra = ["visibility"] if self.has_visibility else []
        return ["id", *self.fields, *self.m2m, *self.ignored, *extra]


PLACE_COLUMNS = ("name", "country", "lat", "lon")


def _place_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{name}" for name in PLACE_COLUMNS)


SPECS = {
    "organisations": Spec(
        Organisation,
        {
            "name": ("name", text(required=True)),
            "name_en": ("name_en", text()),
            "short_name": ("short_name", text()),
            "kind": ("kind", choice(OrganisationKind)),
            "parent": (
                "parent",
                reference("organisations", gettext_lazy("organisation"), same_file=True),
            ),
            "place_geonames_id": ("place", place),
            "website": ("website", url),
            "iati_identifier": ("iati_identifier", text()),
            "description_de": ("description_de", text()),
            "description_en": ("description_en", text()),
        },
        ignored=(*_place_columns("place"), "sources"),
        has_visibility=False,
        write=actor_services.organisations_bulk_write,
    ),
    "partnerships": Spec(
        Partnership,
        {
            "kind": ("kind", choice(PartnershipKind)),
            "origin": ("origin", choice(PartnershipOrigin, default=PartnershipOrigin.CURATED)),
            "home_geonames_id": ("home", place),
            "partner_geonames_id": ("partner", place),
            "succeeds": (
                "succeeds",
                reference("partnerships", gettext_lazy("partnership"), same_file=True),
            ),
            "description_de": ("description_de", text()),
            "description_en": ("description_en", text()),
        },
        m2m={"themes": ("themes", many("themes", gettext_lazy("theme")))},
        ignored=(
            "status",
            "since",
            *_place_columns("home"),
            *_place_columns("partner"),
            "steps",
            "sdgs",
            "sources",
        ),
        write=partnership_services.partnerships_bulk_write,
        replace_links=partnership_services.partnership_links_replace,
    ),
    "projects": Spec(
        Project,
        {
            "title_de": ("title_de", text(required=True)),
            "title_en": ("title_en", text()),
            "summary_de": ("summary_de", text()),
            "summary_en": ("summary_en", text()),
            "status": ("status", choice(ProjectStatus)),
            "start": (("start_date", "start_precision"), partial_date),
            "end": (("end_date", "end_precision"), partial_date),
            "programme": ("programme", reference("programmes", gettext_lazy("programme"))),
        },
        m2m={
            "partnerships": ("partnerships", many("partnerships", gettext_lazy("partnership"))),
            "themes": ("themes", many("themes", gettext_lazy("theme"))),
        },
        ignored=("sdgs", "involvements", "sources"),
        write=project_services.projects_bulk_write,
        replace_links=project_services.project_links_replace,
    ),
    "activities": Spec(
        Activity,
        {
            "title_de": ("title_de", text(required=True)),
            "title_en": ("title_en", text()),
            "kind": ("kind", choice(ActivityKind)),
            "description_de": ("description_de", text()),
            "description_en": ("description_en", text()),
            "start": (("start_date", "start_precision"), partial_date),
            "end": (("end_date", "end_precision"), partial_date),
            "place_geonames_id": ("place", place),
            "location": ("location_text", text()),
            "project": ("project", reference("projects", gettext_lazy("project"))),
        },
        m2m={
            "partnerships": ("partnerships", many("partnerships", gettext_lazy("partnership"))),
            "themes": ("themes", many("themes", gettext_lazy("theme"))),
        },
        ignored=(*_place_columns("place"), "sdgs", "involvements", "sources"),
        write=project_services.activities_bulk_write,
        replace_links=project_services.activity_links_replace,
    ),
}
IMPORTABLE = tuple(SPECS)


class Context:
    """Every record a file may refer to, fetched once (a 10,000-row file needs few queries)."""

    def __init__(self, spec: Spec, keys: set[str]):
        self.keys_in_file = keys
        self.places = {
            place.geonames_id: place for place in Place.objects.exclude(geonames_id=None)
        }
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        self.programmes = {programme.key: programme for programme in Programme.objects.all()}
        self.projects = {project.key: project for project in Project.objects.all()}
        self.partnerships = {item.key: item for item in Partnership.objects.all()}
        self.organisations = {item.key: item for item in Organisation.objects.all()}
        self.curated_pairs = {
            (item.home_id, item.partner_id, item.kind): item.key
            for item in self.partnerships.values()
            if item.origin == PartnershipOrigin.CURATED
        }
        prefetch = [attribute for attribute, _parser in spec.m2m.values()]
        self.existing = {
            obj.key: obj
            for obj in spec.model.all_objects.filter(key__in=keys).prefetch_related(*prefetch)
        }
