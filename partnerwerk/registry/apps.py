from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "partnerwerk.registry"
    verbose_name = _("World twinnings registry")

    def ready(self):
        from partnerwerk.registry.facets import connect_signals

        connect_signals()
