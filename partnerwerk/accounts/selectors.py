"""Which records a user may read: every internal reader reads everything; a partner-city
counterpart only what belongs to their partnership (the same rule as `rules.py`, as a query)."""

from django.db.models import Q, QuerySet

from partnerwerk.accounts.rules import is_internal_reader, roles_of


def _counterpart_condition(model, ids) -> Q | None:
    from partnerwerk.action_programmes.models import PARTNERSHIP_PATHS
    from partnerwerk.documents.models import Document
    from partnerwerk.partnerships.models import Partnership, Step
    from partnerwerk.projects.models import Activity, Budget, FundingSource, Project, Transaction

    if model is Partnership:
        return Q(pk__in=ids)
    if model in PARTNERSHIP_PATHS:  # the records of a joint programme (decision 0029)
        return Q(**{f"{PARTNERSHIP_PATHS[model]}__in": ids})
    if model is Step:
        return Q(partnership_id__in=ids)
    if model is Project:
        return Q(partnerships__in=ids)
    if model is Activity:
        return Q(partnerships__in=ids) | Q(project__partnerships__in=ids)
    if model in (Budget, FundingSource):
        return Q(project__partnerships__in=ids)
    if model is Transaction:
        return (
            Q(project__partnerships__in=ids)
            | Q(activity__partnerships__in=ids)
            | Q(activity__project__partnerships__in=ids)
        )
    if model is Document:
        return (
            Q(partnership__in=ids)
            | Q(step__partnership__in=ids)
            | Q(project__partnerships__in=ids)
            | Q(activity__partnerships__in=ids)
            | Q(activity__project__partnerships__in=ids)
        )
    return None


def readable(user, queryset: QuerySet) -> QuerySet:
    """The part of `queryset` the user may read."""
    if is_internal_reader(user):
        return queryset
    ids = roles_of(user).partnership_ids
    condition = _counterpart_condition(queryset.model, ids) if ids else None
    if condition is None:
        return queryset.none()
    # A subquery rather than a join, so rows reached through several paths appear once.
    matching = queryset.model._base_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=matching)
