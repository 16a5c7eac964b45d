"""Writes of SDG tags and of the verdicts on suggestions, and the suggestions for a record."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerwerk.core.models import Source
from partnerwerk.core.upsert import UpsertState, record_upsert
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Activity, Project
from partnerwerk.sdg.models import (
    Goal,
    SdgSuggestionDecision,
    SdgTag,
    Significance,
    SuggestionVerdict,
    TagOrigin,
    Target,
)
from partnerwerk.sdg.suggest.engine import Suggestion, suggest

Subject = Partnership | Project | Activity
# The fields whose text says what a record is about, in the order a reader meets them.
_TEXT_FIELDS = (
    "title_de",
    "title_en",
    "summary_de",
    "summary_en",
    "description_de",
    "description_en",
)


def _subject_field(subject: Model) -> str:
    if isinstance(subject, Partnership):
        return "partnership"
    if isinstance(subject, Project):
        return "project"
    if isinstance(subject, Activity):
        return "activity"
    raise TypeError(_("SDG tags belong to a partnership, a project or an activity."))


def _goal_and_target(goal: Goal | int, target: Target | str | None) -> tuple[Goal, Target | None]:
    goal = goal if isinstance(goal, Goal) else Goal.objects.get(number=goal)
    if target is not None and not isinstance(target, Target):
        target = Target.objects.get(code=target)
    if target is not None and target.goal_id != goal.number:
        raise ValueError(
            _("Target %(target)s does not belong to goal %(goal)s.")
            % {"target": target.code, "goal": goal.number}
        )
    return goal, target


@transaction.atomic
def sdg_tag_set(
    *,
    subject: Subject,
    goal: Goal | int,
    target: Target | str | None = None,
    significance: str = Significance.SIGNIFICANT,
    user: AbstractBaseUser,
    origin: str = TagOrigin.PERSON,
) -> SdgTag:
    """Tag a record with a goal (or one of its targets); an existing tag gets the new
    significance. `user` is who set it; a tag from a suggestion records them as confirmer."""
    goal, target = _goal_and_target(goal, target)
    field = _subject_field(subject)
    tag, _created = SdgTag.objects.select_for_update().get_or_create(
        **{field: subject}, goal=goal, target=target, defaults={"significance": significance}
    )
    tag.significance = significance
    if origin == TagOrigin.SUGGESTION:
        tag.origin = TagOrigin.SUGGESTION
        tag.confirmed_by = user
        tag.confirmed_at = timezone.now()
    tag.save()
    return tag


def _decide(*, subject: Subject, goal: Goal, target: Target | None, user, verdict: str):
    return SdgSuggestionDecision.objects.create(
        **{_subject_field(subject): subject},
        goal=goal,
        target=target,
        verdict=verdict,
        decided_by=user,
        decided_at=timezone.now(),
    )


@transaction.atomic
def sdg_suggestion_confirm(
    *,
    subject: Subject,
    goal: Goal | int,
    target: Target | str | None,
    user: AbstractBaseUser,
    significance: str = Significance.SIGNIFICANT,
) -> SdgTag:
    """Accept a suggestion: the record gets the tag, marked as suggested and confirmed."""
    goal, target = _goal_and_target(goal, target)
    _decide(
        subject=subject, goal=goal, target=target, user=user, verdict=SuggestionVerdict.CONFIRMED
    )
    return sdg_tag_set(
        subject=subject,
        goal=goal,
        target=target,
        significance=significance,
        user=user,
        origin=TagOrigin.SUGGESTION,
    )


@transaction.atomic
def sdg_suggestion_reject(
    *,
    subject: Subject,
    goal: Goal | int,
    target: Target | str | None,
    user: AbstractBaseUser,
) -> SdgSuggestionDecision:
    """Turn a suggestion down; it is remembered and not offered for this record again."""
    goal, target = _goal_and_target(goal, target)
    return _decide(
        subject=subject, goal=goal, target=target, user=user, verdict=SuggestionVerdict.REJECTED
    )


def subject_text(subject: Subject) -> str:
    """All the text of a record the engine reads, paragraph by paragraph."""
    parts = (getattr(subject, name, "") or "" for name in _TEXT_FIELDS)
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def sdg_suggestions_for(*, subject: Subject) -> list[Suggestion]:
    """The engine's suggestions for a record, less what it is tagged with or was rejected.

    A rejected goal (without target) rules out the whole goal; a rejected target rules out
    that target, and the goal is then offered without it.
    """
    field = _subject_field(subject)
    tagged = set(SdgTag.objects.filter(**{field: subject}).values_list("goal_id", "target_id"))
    tagged_goals = {goal for goal, _target in tagged}
    latest: dict[tuple[int, str | None], str] = {}
    decisions = SdgSuggestionDecision.objects.filter(**{field: subject}).order_by(
        "decided_at", "id"
    )
    for goal_id, target_id, verdict in decisions.values_list("goal_id", "target_id", "verdict"):
        latest[(goal_id, target_id)] = verdict
    rejected = {key for key, verdict in latest.items() if verdict == SuggestionVerdict.REJECTED}
    rejected_goals = {goal for goal, target in rejected if target is None}

    suggestions = []
    for suggestion in suggest(subject_text(subject)):
        if suggestion.goal in tagged_goals or suggestion.goal in rejected_goals:
            continue
        if (suggestion.goal, suggestion.target) in rejected:
            suggestion = Suggestion(
                goal=suggestion.goal,
                target=None,
                score=suggestion.score,
                passage=suggestion.passage,
            )
        suggestions.append(suggestion)
    return suggestions


# --- system imports (decision 0022) --------------------------------------------------------
# Called by the reference loader and the IATI reader, management commands or the office's
# own import: no per-user permission is checked; history is attributed to no one.


def sdg_tag_upsert(
    *,
    subject: Subject,
    goal: Goal,
    target: Target | None,
    significance: str,
    origin: str = TagOrigin.PERSON,
    sources: Iterable[Source] = (),
) -> tuple[SdgTag, UpsertState]:
    """System import: tag a record with a goal (or target) at this significance."""
    return record_upsert(
        SdgTag,
        lookup={_subject_field(subject): subject, "goal": goal, "target": target},
        values={"significance": significance, "origin": origin},
        links={"sources": sources},
    )


def sdg_tag_ensure(*, subject: Subject, goal: Goal | None, target: Target | None) -> bool:
    """System import (IATI): tag a record with a goal, or with a target (and its goal),
    unless it is already; True when the tag is new."""
    chosen = {"goal": goal} if target is None else {"goal_id": target.goal_id}
    lookup = {_subject_field(subject): subject, **chosen, "target": target}
    if SdgTag.objects.filter(**lookup).exists():
        return False
    SdgTag.objects.create(**lookup)
    return True
