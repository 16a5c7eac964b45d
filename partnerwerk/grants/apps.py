from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "partnerwerk.grants"
    verbose_name = _("Funding")
