"""Reads of the SDGs for the portal: each goal with what serves it."""

from django.db.models import Count, Q, QuerySet

from partnerwerk.core.models import Visibility
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Activity, Project
from partnerwerk.sdg.models import Goal


def goal_list_with_counts() -> QuerySet:
    """All 17 goals, each with the number of public partnerships, projects and activities
    tagged with it (`partnership_count`, `project_count`, `activity_count`)."""
    public = Visibility.PUBLIC
    return Goal.objects.annotate(
        partnership_count=Count(
            "tags__partnership",
            filter=Q(tags__partnership__visibility=public, tags__partnership__origin="curated"),
            distinct=True,
        ),
        project_count=Count(
            "tags__project", filter=Q(tags__project__visibility=public), distinct=True
        ),
        activity_count=Count(
            "tags__activity", filter=Q(tags__activity__visibility=public), distinct=True
        ),
    ).order_by("number")


def goal_detail(*, number: int) -> dict | None:
    """A goal with its targets and the public partnerships, projects, activities and themes
    that serve it."""
    goal = Goal.objects.filter(number=number).prefetch_related("targets").first()
    if goal is None:
        return None
    return {
        "goal": goal,
        "partnerships": list(
            Partnership.objects.public()
            .curated()
            .filter(pk__in=goal.tags.values("partnership_id"))
            .select_related("partner")
            .order_by("partner__name", "kind")
        ),
        "projects": list(
            Project.objects.public()
            .filter(pk__in=goal.tags.values("project_id"))
            .order_by("title_de")
        ),
        "activities": list(
            Activity.objects.public()
            .filter(pk__in=goal.tags.values("activity_id"))
            .order_by("-start_date", "key")
        ),
        "themes": list(goal.themes.order_by("code")),
    }
