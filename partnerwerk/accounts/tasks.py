"""Background tasks of accounts (decision 0031): the invitation e-mail, sent by a worker."""

from django_tasks import task

from partnerwerk.accounts import services
from partnerwerk.accounts.models import Invitation


@task()
def send_invitation(*, invitation_id: int, token: str, base_url: str) -> str:
    """E-mail an open invitation; one revoked or used before the worker came is not sent.
    Returns the address written to, or "" when nothing was sent."""
    invitation = Invitation.objects.open().filter(pk=invitation_id).first()
    if invitation is None:
        return ""
    services.invitation_send(invitation=invitation, token=token, base_url=base_url)
    return invitation.email
