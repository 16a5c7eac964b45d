from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    name = "partnerwerk.office"
    verbose_name = _("Back office")
