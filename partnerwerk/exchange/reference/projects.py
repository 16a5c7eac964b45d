"""Projects, activities (with their transactions), documents and joint programmes of the
reference data, read into the projects, documents and action_programmes apps' services
(decisions 0022, 0029)."""

from partnerwerk.action_programmes import services_import as programme_services
from partnerwerk.actors.models import Organisation
from partnerwerk.core.models import Source
from partnerwerk.documents import services as document_services
from partnerwerk.exchange.reference import schemas
from partnerwerk.exchange.reference.records import RecordLoader
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.programmes.models import Programme
from partnerwerk.projects import services_import as project_services
from partnerwerk.projects.models import Activity, Project


class ReferenceLoader(RecordLoader):
    """Every kind of reference record: those of `RecordLoader` and the work done in them."""

    def check_period(self, values: dict) -> None:
        if (
            values["start_date"]
            and values["end_date"]
            and values["end_date"] < values["start_date"]
        ):
            self.fail("end", "the period ends before it starts")

    def transactions(self, subject, items) -> None:
        subject_field = "project" if isinstance(subject, Project) else "activity"
        for item in items:
            if item.amount is None and item.kind != "in_kind":
                self.fail("transactions.amount", "only an in-kind contribution may lack an amount")
            self.note(
                project_services.transaction_upsert(
                    key=item.key,
                    **{subject_field: subject},
                    kind=item.kind,
                    **self.partial(item.date, ""),
                    amount=item.amount,
                    currency=item.currency,
                    description_de=item.description_de,
                    description_en=item.description_en,
                    provider=self.optional(Organisation, "transactions.provider", item.provider),
                    receiver=self.optional(Organisation, "transactions.receiver", item.receiver),
                    visibility=item.visibility,
                    sources=self.sources(item.sources),
                )
            )

    def load_projects(self, r: schemas.ProjectRecord) -> None:
        dates = {**self.partial(r.start, "start"), **self.partial(r.end, "end")}
        programme = self.optional(Programme, "programme", r.programme)
        self.check_period(dates)
        sources = self.sources(r.sources)
        project = self.note(
            project_services.project_upsert(
                key=r.key,
                title_de=r.title_de,
                title_en=r.title_en,
                summary_de=r.summary_de,
                summary_en=r.summary_en,
                status=r.status,
                **dates,
                programme=programme,
                visibility=r.visibility,
                partnerships=self.many(Partnership, "partnerships", r.partnerships),
                themes=self.many(Theme, "themes", r.themes, "code"),
                sources=sources,
            )
        )
        self.involvements(project, r.involvements)
        self.sdg_tags(project, r.sdgs)
        self.transactions(project, r.transactions)

    def load_activities(self, r: schemas.ActivityRecord) -> None:
        dates = {**self.partial(r.start, "start"), **self.partial(r.end, "end")}
        place = self.place(r.place, "place")
        project = self.optional(Project, "project", r.project)
        self.check_period(dates)
        sources = self.sources(r.sources)
        activity = self.note(
            project_services.activity_upsert(
                key=r.key,
                title_de=r.title_de,
                title_en=r.title_en,
                kind=r.kind,
                description_de=r.description_de,
                description_en=r.description_en,
                **dates,
                place=place,
                location_text=r.location_text,
                project=project,
                visibility=r.visibility,
                partnerships=self.many(Partnership, "partnerships", r.partnerships),
                themes=self.many(Theme, "themes", r.themes, "code"),
                sources=sources,
            )
        )
        self.involvements(activity, r.involvements)
        self.sdg_tags(activity, r.sdgs)
        self.transactions(activity, r.transactions)

    def load_documents(self, r: schemas.DocumentRecord) -> None:
        self.note(
            document_services.document_upsert(
                key=r.key,
                kind=r.kind,
                status=r.status,
                title_de=r.title_de,
                title_en=r.title_en,
                **self.partial(r.date, ""),
                credit=r.credit,
                alt_text_de=r.alt_text_de,
                alt_text_en=r.alt_text_en,
                visibility=r.visibility,
                partnership=self.optional(Partnership, "partnership", r.partnership),
                project=self.optional(Project, "project", r.project),
                activity=self.optional(Activity, "activity", r.activity),
                sources=self.sources(r.sources),
            )
        )

    def load_action_programmes(self, r: schemas.JointProgrammeRecord) -> None:
        if not (r.title_de or r.title_en):
            self.fail("title_de", "a programme needs a title in German or English")
        programme = self.note(
            programme_services.joint_programme_upsert(
                key=r.key,
                partnership=self.get(Partnership, "partnership", key=r.partnership),
                title_de=r.title_de,
                title_en=r.title_en,
                vision_de=r.vision_de,
                vision_en=r.vision_en,
                visibility=r.visibility,
                current=r.current,
                sources=self.sources(r.sources),
            )
        )
        for position, field in enumerate(r.fields, start=1):
            if not (field.name_de or field.name_en):
                self.fail("fields.name_de", "a field of action needs a name")
            self.note(
                programme_services.field_of_action_upsert(
                    key=field.key,
                    programme=programme,
                    name_de=field.name_de,
                    name_en=field.name_en,
                    theme=self.optional_theme(field.theme),
                    description_de=field.description_de,
                    description_en=field.description_en,
                    position=position,
                    sources=self.many(Source, "fields.sources", field.sources),
                )
            )
        for strategy in r.strategies:
            if not (strategy.title_de or strategy.title_en):
                self.fail("strategies.title_de", "a strategy needs a title")
            self.note(
                programme_services.strategy_upsert(
                    key=strategy.key,
                    programme=programme,
                    side=strategy.side,
                    title_de=strategy.title_de,
                    title_en=strategy.title_en,
                    city_strategy=self.optional(
                        Programme, "strategies.city_strategy", strategy.city_strategy
                    ),
                    source=self.get(Source, "strategies.source", key=strategy.source),
                    url=strategy.url,
                )
            )

    def optional_theme(self, code: str | None):
        return self.get(Theme, "fields.theme", code=code) if code else None
