"""Who may do what with funding (decision 0030). Office staff run calls, formal checks,
decisions, payments and closing; appointed reviewers assess, never an application of their
own association; an applicant's members see and edit only their association's applications."""

from partnerwerk.accounts.rules import is_office_staff
from partnerwerk.grants.models import Applicant, Application, Reviewer


def applicant_of(user) -> Applicant | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    membership = getattr(user, "applicant_membership", None)
    return membership.applicant if membership else None


def is_staff(user) -> bool:
    return bool(user is not None and user.is_active and is_office_staff(user))


def is_member_of(user, application: Application) -> bool:
    applicant = applicant_of(user)
    return applicant is not None and applicant.pk == application.applicant_id


def has_conflict(user, application: Application) -> bool:
    """The reviewer belongs to the association that applied."""
    return is_member_of(user, application)


def may_review(user, application: Application) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    appointed = Reviewer.objects.filter(call_id=application.call_id, user=user).exists()
    return appointed and not has_conflict(user, application)


def may_read(user, application: Application) -> bool:
    return is_staff(user) or is_member_of(user, application) or may_review(user, application)
