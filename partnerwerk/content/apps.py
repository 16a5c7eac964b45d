from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "partnerwerk.content"
    verbose_name = _("Pages and news")
