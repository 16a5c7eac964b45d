"""Writes of a joint programme's frame: the programme, its strategies, fields of action,
and goals (decision 0029). Measures and comments are in `services_measures`, indicators,
readings and reviews in `services_monitoring`.

Each service checks the actor's permission (actor None: the command line and loaders),
validates against the model's constraints, saves in one transaction and leaves a history
entry with the actor on it.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerwerk.action_programmes.models import (
    FieldOfAction,
    Goal,
    JointProgramme,
    StrategyLink,
)
from partnerwerk.core.models import Source, Visibility
from partnerwerk.core.services import (
    UNCHANGED,
    Unchanged,
    attribute_history,
    changed_values,
    record_soft_delete,
    require_permission,
    unique_key,
)
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.programmes.models import Programme

User = AbstractBaseUser | None


def write(record, *, actor: User, many: dict | None = None) -> None:
    """Validate (constraints included), save with the actor on the history entry, then set
    the many-to-many links that were given."""
    record.full_clean()
    attribute_history(record, actor)
    record.save()
    for name, values in (many or {}).items():
        getattr(record, name).set(values)


def apply(record, values: dict, many_names: Iterable[str] = ()) -> dict:
    """Set the fields an update service was given; return the many-to-many values given."""
    given = changed_values(values)
    many = {name: given.pop(name) for name in many_names if name in given}
    for name, value in given.items():
        setattr(record, name, value)
    return many


def _keyed(record, text: str) -> None:
    if not record.key:
        record.key = unique_key(type(record), text)


def _release_current(programme: JointProgramme, *, actor: User) -> None:
    """Make `programme` the only current one of its partnership: the one current before it
    stops being current, with a history entry of its own."""
    others = JointProgramme.objects.filter(
        partnership_id=programme.partnership_id, is_current=True
    ).exclude(pk=programme.pk)
    for other in others:
        other.is_current = False
        attribute_history(other, actor)
        other.save(update_fields=["is_current", "updated_at"])


# --- programmes ---------------------------------------------------------------------------------


@transaction.atomic
def joint_programme_create(
    *,
    actor: User,
    partnership: Partnership,
    title_de: str = "",
    title_en: str = "",
    key: str = "",
    vision_de: str = "",
    vision_en: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    is_current: bool = False,
    visibility: str = Visibility.INTERNAL,
    sources: Iterable[Source] = (),
) -> JointProgramme:
    """A new programme of a partnership; made current, it replaces the current one."""
    require_permission(actor, "action_programmes.add_jointprogramme", partnership)
    programme = JointProgramme(
        key=key,
        partnership=partnership,
        title_de=title_de,
        title_en=title_en,
        vision_de=vision_de,
        vision_en=vision_en,
        period_start=period_start,
        period_end=period_end,
        is_current=is_current,
        visibility=visibility,
    )
    _keyed(programme, title_de or title_en or str(partnership))
    if is_current:
        _release_current(programme, actor=actor)
    write(programme, actor=actor, many={"sources": sources})
    return programme


@transaction.atomic
def joint_programme_update(
    *,
    actor: User,
    programme: JointProgramme,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    vision_de: str | Unchanged = UNCHANGED,
    vision_en: str | Unchanged = UNCHANGED,
    period_start: datetime.date | None | Unchanged = UNCHANGED,
    period_end: datetime.date | None | Unchanged = UNCHANGED,
    is_current: bool | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> JointProgramme:
    require_permission(actor, "action_programmes.change_jointprogramme", programme)
    many = apply(
        programme,
        {
            "title_de": title_de,
            "title_en": title_en,
            "vision_de": vision_de,
            "vision_en": vision_en,
            "period_start": period_start,
            "period_end": period_end,
            "is_current": is_current,
            "visibility": visibility,
            "sources": sources,
        },
        ["sources"],
    )
    if programme.is_current:
        _release_current(programme, actor=actor)
    write(programme, actor=actor, many=many)
    return programme


def joint_programme_delete(*, actor: User, programme: JointProgramme) -> JointProgramme:
    return record_soft_delete(actor=actor, record=programme)


# --- strategies ----------------------------------------------------------------------------------


@transaction.atomic
def strategy_create(
    *,
    actor: User,
    programme: JointProgramme,
    side: str,
    title_de: str = "",
    title_en: str = "",
    key: str = "",
    city_strategy: Programme | None = None,
    source: Source | None = None,
    url: str = "",
) -> StrategyLink:
    require_permission(actor, "action_programmes.add_strategylink", programme)
    strategy = StrategyLink(
        key=key,
        programme=programme,
        side=side,
        title_de=title_de,
        title_en=title_en,
        city_strategy=city_strategy,
        source=source,
        url=url,
    )
    _keyed(strategy, title_de or title_en)
    write(strategy, actor=actor)
    return strategy


@transaction.atomic
def strategy_update(
    *,
    actor: User,
    strategy: StrategyLink,
    side: str | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    city_strategy: Programme | None | Unchanged = UNCHANGED,
    source: Source | None | Unchanged = UNCHANGED,
    url: str | Unchanged = UNCHANGED,
) -> StrategyLink:
    require_permission(actor, "action_programmes.change_strategylink", strategy)
    apply(
        strategy,
        {
            "side": side,
            "title_de": title_de,
            "title_en": title_en,
            "city_strategy": city_strategy,
            "source": source,
            "url": url,
        },
    )
    write(strategy, actor=actor)
    return strategy


# --- fields of action ---------------------------------------------------------------------------


@transaction.atomic
def field_of_action_create(
    *,
    actor: User,
    programme: JointProgramme,
    name_de: str = "",
    name_en: str = "",
    key: str = "",
    theme: Theme | None = None,
    description_de: str = "",
    description_en: str = "",
    position: int = 0,
    sources: Iterable[Source] = (),
) -> FieldOfAction:
    require_permission(actor, "action_programmes.add_fieldofaction", programme)
    field = FieldOfAction(
        key=key,
        programme=programme,
        name_de=name_de,
        name_en=name_en,
        theme=theme,
        description_de=description_de,
        description_en=description_en,
        position=position,
    )
    _keyed(field, name_de or name_en)
    write(field, actor=actor, many={"sources": sources})
    return field


@transaction.atomic
def field_of_action_update(
    *,
    actor: User,
    field: FieldOfAction,
    name_de: str | Unchanged = UNCHANGED,
    name_en: str | Unchanged = UNCHANGED,
    theme: Theme | None | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    position: int | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> FieldOfAction:
    require_permission(actor, "action_programmes.change_fieldofaction", field)
    many = apply(
        field,
        {
            "name_de": name_de,
            "name_en": name_en,
            "theme": theme,
            "description_de": description_de,
            "description_en": description_en,
            "position": position,
            "sources": sources,
        },
        ["sources"],
    )
    write(field, actor=actor, many=many)
    return field


# --- goals -------------------------------------------------------------------------------------


@transaction.atomic
def goal_create(
    *,
    actor: User,
    field_of_action: FieldOfAction,
    title_de: str = "",
    title_en: str = "",
    description_de: str = "",
    description_en: str = "",
    position: int = 0,
    visibility: str = Visibility.INTERNAL,
) -> Goal:
    require_permission(actor, "action_programmes.add_goal", field_of_action)
    goal = Goal(
        field_of_action=field_of_action,
        title_de=title_de,
        title_en=title_en,
        description_de=description_de,
        description_en=description_en,
        position=position,
        visibility=visibility,
    )
    write(goal, actor=actor)
    return goal


@transaction.atomic
def goal_update(
    *,
    actor: User,
    goal: Goal,
    field_of_action: FieldOfAction | Unchanged = UNCHANGED,
    title_de: str | Unchanged = UNCHANGED,
    title_en: str | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    position: int | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
) -> Goal:
    require_permission(actor, "action_programmes.change_goal", goal)
    if field_of_action is not UNCHANGED:
        # A goal moves between the fields of its own programme only.
        require_permission(actor, "action_programmes.add_goal", field_of_action)
        if field_of_action.programme_id != goal.field_of_action.programme_id:
            raise ValidationError(
                {"field_of_action": _("Choose a field of action of the same programme.")}
            )
    apply(
        goal,
        {
            "field_of_action": field_of_action,
            "title_de": title_de,
            "title_en": title_en,
            "description_de": description_de,
            "description_en": description_en,
            "position": position,
            "visibility": visibility,
        },
    )
    write(goal, actor=actor)
    return goal
