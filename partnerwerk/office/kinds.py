"""The kinds of records the office lists and edits, and which form and services each uses.

One table instead of seven near-identical sets of views: the views stay thin and every write
still goes through the owning app's service.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from partnerwerk.actors import services as actor_services
from partnerwerk.actors import services_involvements
from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.core import services as core_services
from partnerwerk.documents import services as document_services
from partnerwerk.documents.models import Document
from partnerwerk.office import forms, forms_involvements, forms_money, kinds_programmes
from partnerwerk.partnerships import services as partnership_services
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.projects import services as project_services
from partnerwerk.projects import services_money
from partnerwerk.projects.models import Activity, Budget, FundingSource, Project, Transaction


@dataclass(frozen=True)
class RecordKind:
    slug: str
    model: type
    form: type
    label: Any
    create: Any
    update: Any
    delete: Any = core_services.record_soft_delete
    restore: Any = core_services.record_restore
    revert: Any = core_services.record_revert
    search: tuple = ()
    filters: tuple = ()
    columns: tuple = ()
    related: tuple = ()
    listed: bool = True
    # Who may open the list (its rows are further filtered by what the user may read).
    list_permission: str = "office.enter"
    # Who may open the form for a new record, when not `permission("add")`.
    add_permission: str = ""
    # What a new record may be added to (?partnership=ID, ?project=ID, ?activity=ID).
    subjects: tuple = ("partnership", "project")
    # The record whose page lists this one (a step's partnership, a budget's project): the
    # page shown after adding or deleting it, at `owner_anchor`.
    owner: Any = None
    owner_anchor: str = ""
    # The address of the owner's page, where it is not the owner's record page (a joint
    # programme's records are listed on the programme's overview).
    owner_url: Any = None
    # A new record needs what it is added to (a step its partnership).
    subject_required: bool = False
    # Named per-kind hook: more context for the record's page, `context(request, record)`.
    context: Any = None
    # Lists of partnerships and their steps show the office's own by default and the
    # registry's on request: the lookup from a record to its partnership ("" for a
    # partnership itself); None for kinds that do not come from the registry.
    origin_of: str | None = None

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name

    def permission(self, action: str) -> str:
        return f"{self.app_label}.{action}_{self.model_name}"


def _partnership_create(actor, subject, data):
    return partnership_services.partnership_create(actor=actor, **data)


def _partnership_update(actor, record, data):
    return partnership_services.partnership_update(actor=actor, partnership=record, **data)


def _step_create(actor, subject, data):
    """Office staff add a step in force; everyone else who may, proposes one."""
    arguments = {
        "partnership": subject,
        "kind": data["kind"],
        "on": data["date"],
        "precision": data["date_precision"],
        "decision_body": data["decision_body"],
        "note_de": data["note_de"],
        "note_en": data["note_en"],
        "sources": data.get("sources") or (),
    }
    if actor.has_perm("partnerships.add_step", subject):
        return partnership_services.partnership_add_step(actor=actor, **arguments)
    return partnership_services.step_propose(actor=actor, **arguments)


def _step_update(actor, record, data):
    return partnership_services.step_update(actor=actor, step=record, **data)


def _step_revert(*, actor, record, history_id):
    core_services.record_revert(actor=actor, record=record, history_id=history_id)
    partnership_services.partnership_refresh_status(partnership=record.partnership)
    return record


def _money_owner(record):
    """The page a budget, funding source or transaction is listed on: its project's, or its
    activity's when it names no project."""
    return getattr(record, "project", None) or record.activity


def _involvement_owner(involvement):
    return involvement.partnership or involvement.project or involvement.activity


def _subject_key(subject) -> dict:
    return {"subject": subject} if subject is not None else {}


KINDS = {
    kind.slug: kind
    for kind in [
        RecordKind(
            slug="partnerships",
            model=Partnership,
            form=forms.PartnershipForm,
            label=_("Partnerships"),
            create=_partnership_create,
            update=_partnership_update,
            search=("key", "partner__name", "partner__name_de", "description_de"),
            filters=("kind", "status", "visibility"),
            columns=(("kind", _("kind")), ("status", _("status"))),
            related=("home", "partner"),
            origin_of="",
        ),
        RecordKind(
            slug="steps",
            model=Step,
            form=forms.StepForm,
            label=_("Steps"),
            create=_step_create,
            update=_step_update,
            delete=lambda *, actor, record: partnership_services.step_delete(
                actor=actor, step=record
            ),
            restore=lambda *, actor, record: partnership_services.step_restore(
                actor=actor, step=record
            ),
            revert=_step_revert,
            owner=lambda step: step.partnership,
            search=("partnership__partner__name", "partnership__home__name", "decision_body"),
            filters=("kind",),
            columns=(("partnership", _("partnership")),),
            related=("partnership__home", "partnership__partner"),
            origin_of="partnership",
            listed=False,
            subject_required=True,
            list_permission="partnerships.change_step",
            # Office staff add a step in force; editors propose one (see _step_create).
            add_permission="partnerships.propose_step",
        ),
        RecordKind(
            slug="projects",
            model=Project,
            form=forms.ProjectForm,
            label=_("Projects"),
            create=lambda actor, subject, data: project_services.project_create(
                actor=actor, **data
            ),
            update=lambda actor, record, data: project_services.project_update(
                actor=actor, project=record, **data
            ),
            search=("key", "title_de", "title_en", "summary_de"),
            filters=("status", "visibility"),
            columns=(("status", _("status")), ("start_date", _("start"))),
        ),
        RecordKind(
            slug="activities",
            model=Activity,
            form=forms.ActivityForm,
            label=_("Activities"),
            create=lambda actor, subject, data: project_services.activity_create(
                actor=actor, **_subject_key(subject), **data
            ),
            update=lambda actor, record, data: project_services.activity_update(
                actor=actor, activity=record, **data
            ),
            search=("key", "title_de", "title_en", "description_de", "location_text"),
            filters=("kind", "visibility"),
            columns=(("kind", _("kind")), ("start_date", _("start"))),
        ),
        RecordKind(
            slug="documents",
            model=Document,
            form=forms.DocumentForm,
            label=_("Documents"),
            create=lambda actor, subject, data: document_services.document_create(
                actor=actor, **data
            ),
            update=lambda actor, record, data: document_services.document_update(
                actor=actor, document=record, **data
            ),
            search=("key", "title_de", "title_en", "credit"),
            filters=("kind", "status", "visibility"),
            columns=(("kind", _("kind")), ("date", _("date"))),
        ),
        RecordKind(
            slug="organisations",
            model=Organisation,
            form=forms.OrganisationForm,
            label=_("Organisations"),
            create=lambda actor, subject, data: actor_services.organisation_create(
                actor=actor, **data
            ),
            update=lambda actor, record, data: actor_services.organisation_update(
                actor=actor, organisation=record, **data
            ),
            search=("key", "name", "name_en", "short_name"),
            filters=("kind",),
            list_permission="actors.view_organisation",
            columns=(("kind", _("kind")),),
        ),
        RecordKind(
            slug="people",
            model=Person,
            form=forms.PersonForm,
            label=_("People"),
            create=lambda actor, subject, data: actor_services.person_create(actor=actor, **data),
            update=lambda actor, record, data: actor_services.person_update(
                actor=actor, person=record, **data
            ),
            search=("key", "name", "function_de", "email"),
            filters=("visibility", "legal_basis"),
            list_permission="actors.view_person",
            columns=(("organisation", _("organisation")), ("visibility", _("visibility"))),
            related=("organisation",),
        ),
        RecordKind(
            slug="budgets",
            model=Budget,
            form=forms_money.BudgetForm,
            label=_("Budgets"),
            create=lambda actor, subject, data: services_money.budget_create(actor=actor, **data),
            update=lambda actor, record, data: services_money.budget_update(
                actor=actor, budget=record, **data
            ),
            filters=("kind", "status"),
            columns=(("project", _("project")), ("status", _("status"))),
            related=("project",),
            listed=False,
            subjects=("project",),
            owner=_money_owner,
            owner_anchor="money",
        ),
        RecordKind(
            slug="funding-sources",
            model=FundingSource,
            form=forms_money.FundingSourceForm,
            label=_("Funding sources"),
            create=lambda actor, subject, data: services_money.funding_source_create(
                actor=actor, **data
            ),
            update=lambda actor, record, data: services_money.funding_source_update(
                actor=actor, funding_source=record, **data
            ),
            search=("funder__name", "programme__name_de", "note_de"),
            columns=(("project", _("project")),),
            related=("project", "funder", "programme"),
            listed=False,
            subjects=("project",),
            owner=_money_owner,
            owner_anchor="money",
        ),
        RecordKind(
            slug="transactions",
            model=Transaction,
            form=forms_money.TransactionForm,
            label=_("Transactions"),
            create=lambda actor, subject, data: services_money.transaction_create(
                actor=actor, **data
            ),
            update=lambda actor, record, data: services_money.transaction_update(
                actor=actor, transaction=record, **data
            ),
            search=("key", "description_de", "description_en", "provider__name"),
            filters=("kind", "visibility"),
            columns=(("project", _("project")), ("activity", _("activity"))),
            related=("project", "activity"),
            listed=False,
            subjects=("project", "activity"),
            owner=_money_owner,
            owner_anchor="money",
        ),
        RecordKind(
            slug="involvements",
            model=Involvement,
            form=forms_involvements.InvolvementForm,
            label=_("Involvements"),
            create=lambda actor, subject, data: services_involvements.involvement_create(
                actor=actor, **data
            ),
            update=lambda actor, record, data: services_involvements.involvement_update(
                actor=actor, involvement=record, **data
            ),
            search=("organisation__name", "person__name", "note_de"),
            filters=("role",),
            columns=(("role", _("role")),),
            related=("organisation", "person"),
            listed=False,
            list_permission="actors.view_involvement",
            subjects=("partnership", "project", "activity"),
            owner=_involvement_owner,
            owner_anchor="involvements",
        ),
    ]
}

# A joint programme's records (decision 0029), from their own module.
KINDS.update((kind.slug, kind) for kind in kinds_programmes.programme_kinds(RecordKind))

# The records a new record can be added to (?partnership=ID etc.; see RecordKind.subjects),
# by their model name.
SUBJECT_MODELS = {
    "partnership": Partnership,
    "project": Project,
    "activity": Activity,
    **kinds_programmes.SUBJECT_MODELS,
}


def kind_of(record) -> RecordKind | None:
    for kind in KINDS.values():
        if isinstance(record, kind.model):
            return kind
    return None


__all__ = ["KINDS", "RecordKind", "SUBJECT_MODELS", "kind_of"]
