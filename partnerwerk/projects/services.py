"""Writes of projects and activities: the one place a project or an activity is created or
changed (decision 0020).

Each service checks the permission itself (actor None: the command line, loaders), refuses a
link to a partnership or project outside the actor's reach, saves in one transaction and
leaves a history entry with the actor on it.
"""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from partnerwerk.core.models import Source, Visibility
from partnerwerk.core.services import (
    UNCHANGED,
    Unchanged,
    changed_values,
    record_save,
    require_permission,
)
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.places.models import Place
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.models import Activity, Project

MANY_FIELDS = ("partnerships", "themes", "sources")


def _may_link_anything(actor) -> bool:
    # Adding a project is office staff's permission alone; office staff may link any record.
    return actor is None or actor.has_perm("projects.add_project")


def check_links(actor, *, partnerships: Iterable[Partnership] = (), project=None, before=None):
    """Someone who is not office staff may only link a record to partnerships and projects
    they may add to, so an edit never reaches into another organisation's or city's data.
    Links the record had `before` the edit stay allowed."""
    if _may_link_anything(actor):
        return
    already = set()
    if before is not None:
        already = set(before.partnerships.values_list("pk", flat=True))
    for partnership in partnerships:
        if partnership.pk not in already and not actor.has_perm(
            "projects.add_activity", partnership
        ):
            raise PermissionDenied(_("You may not link records to this partnership."))
    moved = project is not None and (before is None or before.project_id != project.pk)
    if moved and not actor.has_perm("projects.add_activity", project):
        raise PermissionDenied(_("You may not link records to this project."))


def _split(fields: dict) -> dict:
    return {name: fields.pop(name) for name in MANY_FIELDS if name in fields}


@transaction.atomic
def project_create(
    *,
    actor: AbstractBaseUser | None,
    title_de: str,
    status: str,
    key: str = "",
    title_en: str = "",
    summary_de: str = "",
    summary_en: str = "",
    start_date: date | None = None,
    start_precision: str = "",
    end_date: date | None = None,
    end_precision: str = "",
    programme: Programme | None = None,
    visibility: str = Visibility.PUBLIC,
    partnerships: Iterable[Partnership] = (),
    themes: Iterable[Theme] = (),
    sources: Iterable[Source] = (),
) -> Project:
    """A new project; its key is made from the German title when left empty."""
    require_permission(actor, "projects.add_project")
    project = Project(
        key=key or "",
        title_de=title_de,
        title_en=title_en,
        summary_de=summary_de,
        summary_en=summary_en,
        status=status,
        start_date=start_date,
        start_precision=start_precision,
        end_date=end_date,
        end_precision=end_precision,
        programme=programme,
        visibility=visibility,
    )
    many = {"partnerships": partnerships, "themes": themes, "sources": sources}
    record_save(project, actor=actor, many=many)
    return project


@transaction.atomic
def project_update(
    *,
    actor: AbstractBaseUser | None,
    project: Project,
    key: str | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    summary_de: str | Unchanged = UNCHANGED,
    summary_en: str | Unchanged = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    start_date: date | None | Unchanged = UNCHANGED,
    start_precision: str | Unchanged = UNCHANGED,
    end_date: date | None | Unchanged = UNCHANGED,
    end_precision: str | Unchanged = UNCHANGED,
    programme: Programme | None | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    partnerships: Iterable[Partnership] | Unchanged = UNCHANGED,
    themes: Iterable[Theme] | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Project:
    """Change the fields given; a parameter left UNCHANGED keeps its value."""
    require_permission(actor, "projects.change_project", project)
    fields = changed_values(
        {
            "key": key,
            "title_de": title_de,
            "title_en": title_en,
            "summary_de": summary_de,
            "summary_en": summary_en,
            "status": status,
            "start_date": start_date,
            "start_precision": start_precision,
            "end_date": end_date,
            "end_precision": end_precision,
            "programme": programme,
            "visibility": visibility,
            "partnerships": partnerships,
            "themes": themes,
            "sources": sources,
        }
    )
    many = _split(fields)
    check_links(actor, partnerships=many.get("partnerships", ()), before=project)
    for name, value in fields.items():
        setattr(project, name, value)
    record_save(project, actor=actor, many=many)
    return project


@transaction.atomic
def activity_create(
    *,
    actor: AbstractBaseUser | None,
    title_de: str,
    kind: str,
    subject: Partnership | Project | None = None,
    key: str = "",
    title_en: str = "",
    description_de: str = "",
    description_en: str = "",
    start_date: date | None = None,
    start_precision: str = "",
    end_date: date | None = None,
    end_precision: str = "",
    place: Place | None = None,
    location_text: str = "",
    project: Project | None = None,
    visibility: str = Visibility.PUBLIC,
    partnerships: Iterable[Partnership] = (),
    themes: Iterable[Theme] = (),
    sources: Iterable[Source] = (),
) -> Activity:
    """A new activity; `subject` is the partnership or project it is added to (what a
    department editor or a counterpart needs permission for): a partnership joins its
    partnerships, a project becomes its project."""
    require_permission(actor, "projects.add_activity", subject)
    partnerships = list(partnerships)
    if isinstance(subject, Partnership):
        if subject not in partnerships:
            partnerships.append(subject)
    elif subject is not None:
        project = subject
    check_links(actor, partnerships=partnerships, project=project)
    activity = Activity(
        key=key or "",
        title_de=title_de,
        title_en=title_en,
        kind=kind,
        description_de=description_de,
        description_en=description_en,
        start_date=start_date,
        start_precision=start_precision,
        end_date=end_date,
        end_precision=end_precision,
        place=place,
        location_text=location_text,
        project=project,
        visibility=visibility,
    )
    many = {"partnerships": partnerships, "themes": themes, "sources": sources}
    record_save(activity, actor=actor, many=many)
    return activity


@transaction.atomic
def activity_update(
    *,
    actor: AbstractBaseUser | None,
    activity: Activity,
    key: str | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    start_date: date | None | Unchanged = UNCHANGED,
    start_precision: str | Unchanged = UNCHANGED,
    end_date: date | None | Unchanged = UNCHANGED,
    end_precision: str | Unchanged = UNCHANGED,
    place: Place | None | Unchanged = UNCHANGED,
    location_text: str | Unchanged = UNCHANGED,
    project: Project | None | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    partnerships: Iterable[Partnership] | Unchanged = UNCHANGED,
    themes: Iterable[Theme] | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Activity:
    """Change the fields given; the edit must leave the activity within the actor's reach."""
    require_permission(actor, "projects.change_activity", activity)
    fields = changed_values(
        {
            "key": key,
            "title_de": title_de,
            "title_en": title_en,
            "kind": kind,
            "description_de": description_de,
            "description_en": description_en,
            "start_date": start_date,
            "start_precision": start_precision,
            "end_date": end_date,
            "end_precision": end_precision,
            "place": place,
            "location_text": location_text,
            "project": project,
            "visibility": visibility,
            "partnerships": partnerships,
            "themes": themes,
            "sources": sources,
        }
    )
    many = _split(fields)
    check_links(
        actor,
        partnerships=many.get("partnerships", ()),
        project=fields.get("project"),
        before=activity,
    )
    for name, value in fields.items():
        setattr(activity, name, value)
    record_save(activity, actor=actor, many=many)
    # The edit must not take the activity out of the editor's own reach.
    require_permission(actor, "projects.change_activity", activity)
    return activity


# The system imports (reference loader, IATI reader, spreadsheet import) write projects,
# activities, their money, places and results through `services_import.py` (decision 0022).
