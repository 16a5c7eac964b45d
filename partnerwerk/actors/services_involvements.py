"""Writes of involvements: who (an organisation or a person) takes part in a partnership,
project or activity, in which role. An involvement decides what a department editor may
change (decision 0008), so only office staff keep them."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.core.models import Source
from partnerwerk.core.services import (
    UNCHANGED,
    Unchanged,
    attribute_history,
    changed_values,
    require_permission,
)

SUBJECTS = ("partnership", "project", "activity")


def _check(involvement: Involvement) -> None:
    errors = {}
    if (involvement.organisation_id is None) == (involvement.person_id is None):
        errors["organisation"] = _("Name an organisation or a person, one of the two.")
    chosen = [name for name in SUBJECTS if getattr(involvement, f"{name}_id") is not None]
    if len(chosen) != 1:
        errors["partnership"] = _("Choose exactly one partnership, project or activity.")
    if errors:
        raise ValidationError(errors)


def _save(involvement: Involvement, *, actor, sources) -> None:
    _check(involvement)
    involvement.full_clean()
    attribute_history(involvement, actor)
    involvement.save()
    if sources is not UNCHANGED:
        involvement.sources.set(sources)


@transaction.atomic
def involvement_create(
    *,
    actor,
    role: str,
    organisation: Organisation | None = None,
    person: Person | None = None,
    partnership: Model | None = None,
    project: Model | None = None,
    activity: Model | None = None,
    note_de: str = "",
    note_en: str = "",
    sources: Iterable[Source] = (),
) -> Involvement:
    """An organisation or a person taking part in one partnership, project or activity."""
    require_permission(actor, "actors.add_involvement")
    involvement = Involvement(
        role=role,
        organisation=organisation,
        person=person,
        partnership=partnership,
        project=project,
        activity=activity,
        note_de=note_de,
        note_en=note_en,
    )
    _save(involvement, actor=actor, sources=sources)
    return involvement


@transaction.atomic
def involvement_update(
    *,
    actor,
    involvement: Involvement,
    role: str | Unchanged = UNCHANGED,
    organisation: Organisation | None | Unchanged = UNCHANGED,
    person: Person | None | Unchanged = UNCHANGED,
    partnership: Model | None | Unchanged = UNCHANGED,
    project: Model | None | Unchanged = UNCHANGED,
    activity: Model | None | Unchanged = UNCHANGED,
    note_de: str | Unchanged = UNCHANGED,
    note_en: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Involvement:
    """Change the fields given; the others stay as they are."""
    require_permission(actor, "actors.change_involvement", involvement)
    fields = changed_values(
        {
            "role": role,
            "organisation": organisation,
            "person": person,
            "partnership": partnership,
            "project": project,
            "activity": activity,
            "note_de": note_de,
            "note_en": note_en,
        }
    )
    for name, value in fields.items():
        setattr(involvement, name, value)
    _save(involvement, actor=actor, sources=sources)
    return involvement
