"""Reads of involvements for the office's record pages."""

from django.db.models import Model

from partnerwerk.actors.models import Involvement


def involvements_of(record: Model) -> list[Involvement]:
    """Who takes part in a partnership, project or activity, by role."""
    subject = record._meta.model_name  # partnership, project or activity
    return list(
        Involvement.objects.filter(**{subject: record})
        .select_related("organisation", "person")
        .order_by("role", "id")
    )
