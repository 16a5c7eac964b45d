from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "partnerwerk.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from axes.signals import user_locked_out

        user_locked_out.connect(log_lockout, dispatch_uid="partnerwerk-log-lockout")


def log_lockout(sender, request, username, ip_address, **kwargs):
    """A lockout by django-axes, in the security log (the user name, never the password)."""
    import logging

    logging.getLogger("partnerwerk.security").warning(
        "sign-in locked: username=%r address=%s", (username or "")[:150], ip_address
    )
