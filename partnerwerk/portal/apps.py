from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "partnerwerk.portal"
    verbose_name = _("Public portal")

    def ready(self):
        from partnerwerk.portal.caching import connect_signals

        connect_signals()
