"""Accounts for the office: invitations, roles, deactivation."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerwerk.accounts import services
from partnerwerk.accounts.models import Invitation
from partnerwerk.accounts.tasks import send_invitation
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.forms import InvitationForm


@office_view
def users(request):
    require_perm(request, "accounts.invite")
    form = InvitationForm(request.POST or None, user=request.user)
    link = None
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = services.invitation_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages)
        except PermissionDenied as error:
            form.add_error("role", str(error))
        else:
            # A background worker sends the e-mail (decision 0031); the link is shown now.
            base_url = request.build_absolute_uri("/")
            send_invitation.enqueue(invitation_id=invitation.pk, token=token, base_url=base_url)
            link = services.invitation_link(invitation=invitation, token=token, base_url=base_url)
            messages.success(
                request,
                _(
                    "The invitation for %(email)s is being sent by e-mail in %(language)s. The "
                    "link is shown below only now, in case the e-mail does not arrive."
                )
                % {"email": invitation.email, "language": invitation.get_language_display()},
            )
            form = InvitationForm(user=request.user)
    context = {
        "form": form,
        "link": link,
        "accounts": get_user_model()
        .objects.prefetch_related(
            "memberships__organisation",
            "memberships__partnership__home",
            "memberships__partnership__partner",
        )
        .order_by("username"),
        "invitations": Invitation.objects.open().select_related(
            "organisation", "partnership__home", "partnership__partner"
        ),
        "may_manage": request.user.has_perm("accounts.manage_users"),
    }
    return render(request, "office/users.html", context)


@office_view
@require_POST
def invitation_revoke(request, pk: int):
    invitation = get_object_or_404(Invitation.objects.open(), pk=pk)
    require_perm(request, "accounts.invite")
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation is revoked."))
    return redirect("office:users")


@office_view
@require_POST
def user_deactivate(request, pk: int):
    require_perm(request, "accounts.manage_users")
    account = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    try:
        services.user_deactivate(actor=request.user, user=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The account is deactivated; its sessions have ended."))
    return redirect("office:users")
