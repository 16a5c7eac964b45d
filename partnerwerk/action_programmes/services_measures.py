"""Writes of measures and their comment threads (decision 0029).

A measure has three parts: what it shares (title, description, goal, period, status, third
parties, visibility, links to projects and activities), kept by the office; its home side,
kept by the office and by editors of the home city's responsible organisation; its partner
side, kept by the office and by the counterparts of the partnership. `measure_update`
checks the permission of each part it changes, so a counterpart who sends a changed home
side is refused, whichever door the change came through.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerwerk.action_programmes.models import SIDE_FIELDS, Goal, Measure, MeasureComment
from partnerwerk.action_programmes.selectors import partner_side_organisations
from partnerwerk.action_programmes.services import User, apply, write
from partnerwerk.actors.models import Organisation, Person
from partnerwerk.core.models import Visibility
from partnerwerk.core.services import UNCHANGED, Unchanged, changed_values, require_permission
from partnerwerk.projects.models import Activity, Project

MANY_FIELDS = ("projects", "activities")
PART_PERMISSIONS = {
    "shared": "action_programmes.change_measure_shared",
    "home": "action_programmes.change_measure_home_side",
    "partner": "action_programmes.change_measure_partner_side",
}


def part_of(field_name: str) -> str:
    """Which part of a measure a field belongs to: "home", "partner" or "shared"."""
    for side, names in SIDE_FIELDS.items():
        if field_name in names:
            return side
    return "shared"


def _differs(measure: Measure, name: str, value) -> bool:
    field = Measure._meta.get_field(name)
    if field.many_to_many:
        if measure.pk is None:
            return bool(list(value))
        return set(getattr(measure, name).values_list("pk", flat=True)) != {v.pk for v in value}
    if field.many_to_one:
        return getattr(measure, field.attname) != (value.pk if value is not None else None)
    return getattr(measure, name) != value


def _check_partner_side_choices(actor: User, measure: Measure) -> None:
    """Someone who is not office staff names as the partner city's responsible only one of
    its own organisations (or one taking part in the partnership) and its people."""
    if actor is None or actor.has_perm(PART_PERMISSIONS["shared"], measure):
        return
    partnership = measure.goal.field_of_action.programme.partnership
    allowed = partner_side_organisations(partnership=partnership)
    organisation = measure.partner_organisation
    if organisation is not None and not allowed.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"partner_organisation": _("Choose an organisation of the partner city.")}
        )
    person = measure.partner_person
    if person is not None and not allowed.filter(pk=person.organisation_id).exists():
        raise ValidationError(
            {"partner_person": _("Choose a person of an organisation of the partner city.")}
        )


def _check_goal(measure: Measure, goal: Goal) -> None:
    if goal.field_of_action.programme_id != measure.goal.field_of_action.programme_id:
        raise ValidationError({"goal": _("Choose a goal of the same programme.")})


@transaction.atomic
def measure_create(
    *,
    actor: User,
    goal: Goal,
    title_de: str = "",
    title_en: str = "",
    description_de: str = "",
    description_en: str = "",
    status: str = "planned",
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    needs_third_parties: bool = False,
    third_parties_de: str = "",
    third_parties_en: str = "",
    visibility: str = Visibility.INTERNAL,
    position: int = 0,
    home_organisation: Organisation | None = None,
    home_person: Person | None = None,
    home_tasks_de: str = "",
    home_tasks_en: str = "",
    home_resources_de: str = "",
    home_resources_en: str = "",
    home_funding_de: str = "",
    home_funding_en: str = "",
    partner_organisation: Organisation | None = None,
    partner_person: Person | None = None,
    partner_tasks_de: str = "",
    partner_tasks_en: str = "",
    partner_resources_de: str = "",
    partner_resources_en: str = "",
    partner_funding_de: str = "",
    partner_funding_en: str = "",
    projects: Iterable[Project] = (),
    activities: Iterable[Activity] = (),
) -> Measure:
    """A new measure of a goal (office staff)."""
    require_permission(actor, "action_programmes.add_measure", goal)
    values = {
        name: value
        for name, value in locals().items()
        if name not in ("actor", "projects", "activities")
    }
    measure = Measure(**values)
    write(measure, actor=actor, many={"projects": projects, "activities": activities})
    return measure


@transaction.atomic
def measure_update(
    *,
    actor: User,
    measure: Measure,
    goal: Goal | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    start_date: datetime.date | None | Unchanged = UNCHANGED,
    end_date: datetime.date | None | Unchanged = UNCHANGED,
    needs_third_parties: bool | Unchanged = UNCHANGED,
    third_parties_de: str | Unchanged = UNCHANGED,
    third_parties_en: str | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    position: int | Unchanged = UNCHANGED,
    home_organisation: Organisation | None | Unchanged = UNCHANGED,
    home_person: Person | None | Unchanged = UNCHANGED,
    home_tasks_de: str | Unchanged = UNCHANGED,
    home_tasks_en: str | Unchanged = UNCHANGED,
    home_resources_de: str | Unchanged = UNCHANGED,
    home_resources_en: str | Unchanged = UNCHANGED,
    home_funding_de: str | Unchanged = UNCHANGED,
    home_funding_en: str | Unchanged = UNCHANGED,
    partner_organisation: Organisation | None | Unchanged = UNCHANGED,
    partner_person: Person | None | Unchanged = UNCHANGED,
    partner_tasks_de: str | Unchanged = UNCHANGED,
    partner_tasks_en: str | Unchanged = UNCHANGED,
    partner_resources_de: str | Unchanged = UNCHANGED,
    partner_resources_en: str | Unchanged = UNCHANGED,
    partner_funding_de: str | Unchanged = UNCHANGED,
    partner_funding_en: str | Unchanged = UNCHANGED,
    projects: Iterable[Project] | Unchanged = UNCHANGED,
    activities: Iterable[Activity] | Unchanged = UNCHANGED,
) -> Measure:
    """Change the parts of a measure the actor may keep; a value sent unchanged is no
    change, so a form may send a whole measure with only one side editable."""
    require_permission(actor, "action_programmes.change_measure", measure)
    values = {name: value for name, value in locals().items() if name not in ("actor", "measure")}
    given = changed_values(values)
    given = {name: list(v) if name in MANY_FIELDS else v for name, v in given.items()}
    changed = [name for name, value in given.items() if _differs(measure, name, value)]
    for part in sorted({part_of(name) for name in changed}):
        if actor is not None and not actor.has_perm(PART_PERMISSIONS[part], measure):
            raise PermissionDenied(_("You may not change this part of the measure."))
    if "goal" in changed:
        _check_goal(measure, given["goal"])
    many = apply(measure, {name: given[name] for name in changed}, MANY_FIELDS)
    if changed:
        _check_partner_side_choices(actor, measure)
        write(measure, actor=actor, many=many)
    return measure


# --- comments ------------------------------------------------------------------------------------


@transaction.atomic
def measure_comment_create(
    *, actor: User, measure: Measure, text: str, language: str
) -> MeasureComment:
    """A remark in the measure's thread, in the language its author wrote it in."""
    require_permission(actor, "action_programmes.add_measurecomment", measure)
    comment = MeasureComment(
        measure=measure, author=actor, text=text.strip(), language=language[:2]
    )
    write(comment, actor=actor)
    return comment
