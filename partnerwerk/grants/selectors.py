"""Reads of funding: the open calls, an applicant's own applications, the budget overviews."""

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from partnerwerk.grants.models import Application, Decision, FundingCall
from partnerwerk.grants.permissions import applicant_of, is_staff, may_review

ZERO = Value(0, output_field=DecimalField(max_digits=12, decimal_places=2))


def open_calls():
    """Public calls that accept applications today, the soonest deadline first."""
    today = timezone.localdate()
    return FundingCall.objects.filter(
        is_public=True, opens_on__lte=today, closes_on__gte=today
    ).order_by("closes_on", "key")


def public_call(key: str) -> FundingCall | None:
    return FundingCall.objects.filter(key=key, is_public=True).prefetch_related("criteria").first()


def own_applications(user):
    """The applications of the user's association; none for anyone else."""
    applicant = applicant_of(user)
    if applicant is None:
        return Application.objects.none()
    return Application.objects.filter(applicant=applicant).select_related("call")


def own_application(user, pk: int) -> Application | None:
    return (
        own_applications(user)
        .select_related("decision", "proof_of_use")
        .prefetch_related("cost_lines", "attachments", "sdgs", "state_changes")
        .filter(pk=pk)
        .first()
    )


def readable_application(user, pk: int) -> Application | None:
    """An application for the office: staff read all, an appointed reviewer the call's ones
    outside their own association."""
    application = (
        Application.objects.select_related("call", "applicant", "partnership")
        .prefetch_related("cost_lines", "attachments", "sdgs", "state_changes__by")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        return None
    if is_staff(user) or may_review(user, application):
        return application
    return None


def call_overview():
    """Each call with its budget, what is committed, paid and left, and its applications."""
    return FundingCall.objects.annotate(
        applications_count=Count("applications", filter=~Q(applications__status="draft")),
        paid=Coalesce(Sum("applications__decision__paid"), ZERO),
    ).order_by("-opens_on", "key")


def year_overview():
    """Per year of the decision: approved and paid amounts and the number of grants."""
    approved = (
        Decision.objects.filter(approved=True)
        .annotate(year=ExtractYear("created_at"))
        .values("year")
        .annotate(grants=Count("pk"), approved=Sum("amount"), paid=Sum("paid"))
        .order_by("-year")
    )
    return list(approved)
