"""Projects, activities (with their transactions) and documents of the reference data, read
into the projects and documents apps' services (decision 0022)."""

from partnerwerk.actors.models import Organisation
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
