"""Object-level permissions of the office roles, as `rules` predicates (decision 0008).

Every door checks the same names with `user.has_perm(name, obj)`: the office views, the
services (which refuse with PermissionDenied) and the API. The roles:

- office staff and administrators: everything (administrators also manage accounts);
- department editors: read all internal data; edit projects, activities and documents their
  organisation is involved in; propose steps for partnerships it is involved in;
- partner-city counterparts: read their partnership's internal data; add and edit its
  activities and documents; propose steps for it;
- viewers: read internal data, change nothing.

Joint programmes of action (decision 0029): office staff keep everything; a counterpart keeps
the partner side of the measures of their partnership's programmes and, like a department
editor whose organisation takes part in the partnership, enters readings and comments; a
department editor keeps the home side of the measures their organisation is responsible for.
"""

from dataclasses import dataclass, field

import rules

from partnerwerk.accounts.models import OfficeRole


@dataclass(frozen=True)
class Roles:
    roles: frozenset = frozenset()
    organisation_ids: frozenset = frozenset()
    partnership_ids: frozenset = field(default_factory=frozenset)


NO_ROLES = Roles()


def roles_of(user) -> Roles:
    """The user's roles, read once per user object (one query per request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ROLES
    cached = getattr(user, "_partnerwerk_roles", None)
    if cached is not None:
        return cached
    rows = list(user.memberships.values_list("role", "organisation_id", "partnership_id"))
    roles = {role for role, _organisation, _partnership in rows}
    if user.is_superuser:
        roles.add(OfficeRole.ADMINISTRATOR)
    result = Roles(
        roles=frozenset(roles),
        organisation_ids=frozenset(o for r, o, _p in rows if r == OfficeRole.DEPARTMENT_EDITOR),
        partnership_ids=frozenset(p for r, _o, p in rows if r == OfficeRole.COUNTERPART),
    )
    user._partnerwerk_roles = result
    return result


def forget_roles(user) -> None:
    user.__dict__.pop("_partnerwerk_roles", None)
    user.__dict__.pop("_partnerwerk_involved", None)


def _has(*wanted):
    return lambda user: bool(roles_of(user).roles & set(wanted))


is_administrator = rules.predicate(_has(OfficeRole.ADMINISTRATOR), name="is_administrator")
is_office_staff = rules.predicate(
    _has(OfficeRole.OFFICE, OfficeRole.ADMINISTRATOR), name="is_office_staff"
)
is_internal_reader = rules.predicate(
    _has(
        OfficeRole.OFFICE,
        OfficeRole.ADMINISTRATOR,
        OfficeRole.DEPARTMENT_EDITOR,
        OfficeRole.VIEWER,
    ),
    name="is_internal_reader",
)
is_office_member = rules.predicate(_has(*OfficeRole.values), name="is_office_member")


# --- what a record belongs to ---------------------------------------------------------------


def involved_organisation_ids(record) -> set[int]:
    """Organisations involved in a partnership, project, activity (or its project), step or
    document (through what it belongs to)."""
    from partnerwerk.actors.models import Involvement

    subjects = _subjects(record)
    if not subjects:
        return set()
    condition = None
    from django.db.models import Q

    for name, pk in subjects:
        term = Q(**{f"{name}_id": pk})
        condition = term if condition is None else condition | term
    return set(
        Involvement.objects.filter(condition, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


def partnership_ids_of(record) -> set[int]:
    """The partnerships a record belongs to, directly or through its project or activity."""
    ids = set()
    for name, pk in _subjects(record):
        if name == "partnership":
            ids.add(pk)
        elif name == "project":
            from partnerwerk.projects.models import Project

            ids |= set(
                Project.partnerships.through.objects.filter(project_id=pk).values_list(
                    "partnership_id", flat=True
                )
            )
        elif name == "activity":
            from partnerwerk.projects.models import Activity

            ids |= set(
                Activity.partnerships.through.objects.filter(activity_id=pk).values_list(
                    "partnership_id", flat=True
                )
            )
    return ids


def _subjects(record) -> list[tuple[str, int]]:
    """(kind, pk) of the record itself and of what it belongs to."""
    from partnerwerk.documents.models import Document
    from partnerwerk.partnerships.models import Partnership, Step
    from partnerwerk.projects.models import Activity, Budget, FundingSource, Project, Transaction

    if record is None or getattr(record, "pk", None) is None:
        return []
    if isinstance(record, Partnership):
        return [("partnership", record.pk)]
    if isinstance(record, Step):
        return [("partnership", record.partnership_id)]
    if isinstance(record, Project):
        return [("project", record.pk)]
    if isinstance(record, Activity):
        subjects = [("activity", record.pk)]
        if record.project_id:
            subjects.append(("project", record.project_id))
        return subjects
    if isinstance(record, Document):
        subjects = []
        if record.partnership_id:
            subjects.append(("partnership", record.partnership_id))
        if record.step_id:
            subjects.append(("partnership", record.step.partnership_id))
        if record.project_id:
            subjects.append(("project", record.project_id))
        if record.activity:
            subjects += _subjects(record.activity)
        return subjects
    if isinstance(record, Budget | FundingSource):
        return [("project", record.project_id)]
    if isinstance(record, Transaction):
        subjects = [("project", record.project_id)] if record.project_id else []
        if record.activity_id:
            subjects += _subjects(record.activity)
        return subjects
    return []


@rules.predicate
def is_editor_of_involved_organisation(user, record) -> bool:
    mine = roles_of(user).organisation_ids
    return bool(mine) and bool(mine & involved_organisation_ids(record))


@rules.predicate
def is_counterpart_of_its_partnership(user, record) -> bool:
    mine = roles_of(user).partnership_ids
    return bool(mine) and bool(mine & partnership_ids_of(record))


# --- joint programmes of action (decision 0029) ------------------------------------------------


def _programme_partnership_id(record) -> int | None:
    from partnerwerk.action_programmes.models import partnership_id_of

    return partnership_id_of(record) if record is not None else None


@rules.predicate
def is_counterpart_in_programme(user, record) -> bool:
    """The record belongs to a programme of the counterpart's own partnership."""
    mine = roles_of(user).partnership_ids
    return bool(mine) and _programme_partnership_id(record) in mine


@rules.predicate
def is_editor_involved_in_programme(user, record) -> bool:
    """The editor's organisation takes part in the partnership of the record's programme."""
    from partnerwerk.partnerships.models import Partnership

    mine = roles_of(user).organisation_ids
    partnership_id = _programme_partnership_id(record) if mine else None
    if partnership_id is None:
        return False
    # Read once per user object and partnership: a programme's page asks for each indicator.
    known = user.__dict__.setdefault("_partnerwerk_involved", {})
    if partnership_id not in known:
        known[partnership_id] = involved_organisation_ids(Partnership(pk=partnership_id))
    return bool(mine & known[partnership_id])


@rules.predicate
def is_editor_of_home_side(user, measure) -> bool:
    """The editor's organisation is responsible for the measure in the home city."""
    mine = roles_of(user).organisation_ids
    return bool(mine) and getattr(measure, "home_organisation_id", None) in mine


@rules.predicate
def is_its_author(user, record) -> bool:
    """The user wrote the comment or entered the reading."""
    author = getattr(record, "author_id", None) or getattr(record, "entered_by_id", None)
    return author is not None and author == user.pk


can_read_programme = is_internal_reader | is_counterpart_in_programme
can_take_part_in_programme = (
    is_office_staff | is_counterpart_in_programme | is_editor_involved_in_programme
)

PROGRAMME_PERMISSIONS = {
    **{
        f"action_programmes.view_{model}": can_read_programme
        for model in (
            "jointprogramme",
            "strategylink",
            "fieldofaction",
            "goal",
            "measure",
            "indicator",
            "reading",
            "review",
            "measurecomment",
        )
    },
    # the programme's frame: kept by the office
    **{
        f"action_programmes.{action}_{model}": is_office_staff
        for model in ("jointprogramme", "strategylink", "fieldofaction", "goal", "indicator")
        for action in ("add", "change", "delete")
    },
    "action_programmes.add_review": is_office_staff,
    "action_programmes.change_review": is_office_staff,
    "action_programmes.delete_review": is_office_staff,
    # measures: the office adds and deletes them and keeps what they share; each city keeps
    # its own side. `change_measure` is any part of it (the service checks which).
    "action_programmes.add_measure": is_office_staff,
    "action_programmes.delete_measure": is_office_staff,
    "action_programmes.change_measure": is_office_staff
    | is_editor_of_home_side
    | is_counterpart_in_programme,
    "action_programmes.change_measure_shared": is_office_staff,
    "action_programmes.change_measure_home_side": is_office_staff | is_editor_of_home_side,
    "action_programmes.change_measure_partner_side": is_office_staff | is_counterpart_in_programme,
    # readings of an indicator (the object) and comments on a measure (the object)
    "action_programmes.add_reading": can_take_part_in_programme,
    "action_programmes.change_reading": is_office_staff
    | (is_its_author & can_take_part_in_programme),
    "action_programmes.delete_reading": is_office_staff
    | (is_its_author & can_take_part_in_programme),
    "action_programmes.add_measurecomment": can_take_part_in_programme,
    # a comment stays as it was written
    "action_programmes.change_measurecomment": rules.always_deny,
    "action_programmes.delete_measurecomment": is_office_staff
    | (is_its_author & can_take_part_in_programme),
}


# --- the permissions --------------------------------------------------------------------------

can_read_record = is_internal_reader | is_counterpart_of_its_partnership
can_edit_involved = (
    is_office_staff | is_editor_of_involved_organisation | is_counterpart_of_its_partnership
)
can_edit_as_editor = is_office_staff | is_editor_of_involved_organisation

PERMISSIONS = {
    "office.enter": is_office_member,
    "office.view_history": is_office_staff,
    "office.restore": is_office_staff,
    "office.view_trash": is_office_staff,
    "accounts.invite": is_office_staff,
    "accounts.manage_users": is_administrator,
    "sdg.suggest": is_office_member,
    # partnerships and their steps
    "partnerships.view_partnership": can_read_record,
    "partnerships.view_step": can_read_record,
    "partnerships.add_partnership": is_office_staff,
    "partnerships.change_partnership": is_office_staff,
    "partnerships.delete_partnership": is_office_staff,
    "partnerships.add_step": is_office_staff,
    # Counterparts know their partnership's history first-hand: they propose, the office
    # confirms (issue 14).
    "partnerships.propose_step": can_edit_involved,
    "partnerships.confirm_step": is_office_staff,
    "partnerships.change_step": is_office_staff,
    "partnerships.delete_step": is_office_staff,
    # projects and activities (an activity is added to a partnership or project: the object)
    "projects.view_project": can_read_record,
    "projects.add_project": is_office_staff,
    "projects.change_project": can_edit_as_editor,
    "projects.delete_project": can_edit_as_editor,
    "projects.view_activity": can_read_record,
    "projects.add_activity": can_edit_involved,
    "projects.change_activity": can_edit_involved,
    "projects.delete_activity": can_edit_involved,
    # money of a project or activity (added to a project or activity: the object): read with
    # it, kept by whoever may change the project (decision 0027)
    **{
        f"projects.{action}_{model}": can_read_record if action == "view" else can_edit_as_editor
        for model in ("transaction", "budget", "fundingsource")
        for action in ("view", "add", "change", "delete")
    },
    # documents (added to a partnership, project or activity: the object)
    "documents.view_document": can_read_record,
    "documents.add_document": can_edit_involved,
    "documents.change_document": can_edit_involved,
    "documents.delete_document": can_edit_involved,
    # organisations and people: read by internal readers, kept by the office
    "actors.view_organisation": is_internal_reader,
    "actors.add_organisation": is_office_staff,
    "actors.change_organisation": is_office_staff,
    "actors.delete_organisation": is_office_staff,
    "actors.view_person": is_internal_reader,
    "actors.add_person": is_office_staff,
    "actors.change_person": is_office_staff,
    "actors.delete_person": is_office_staff,
    # who takes part where: it decides what department editors may change (decision 0008)
    "actors.view_involvement": is_internal_reader,
    "actors.add_involvement": is_office_staff,
    "actors.change_involvement": is_office_staff,
    "actors.delete_involvement": is_office_staff,
    "actors.export_person": is_office_staff,
    "actors.erase_person": is_office_staff,
    # the names readers see for a place (decision 0026): the office keeps them
    "places.change_place": is_office_staff,
    # reports (issue 18): an annual report or SDG review covers every record, so only
    # internal readers see them; the office makes and finalises them
    "reports.view_report": is_internal_reader,
    "reports.add_report": is_office_staff,
    "reports.change_report": is_office_staff,
    # pages and news (issue 19): written and moderated by the office
    **{
        f"content.{action}_{model}": is_office_staff
        for model in ("page", "article")
        for action in ("view", "add", "change", "delete")
    },
    "content.moderate_comment": is_office_staff,
    **PROGRAMME_PERMISSIONS,
}

for _name, _predicate in PERMISSIONS.items():
    rules.set_perm(_name, _predicate)
