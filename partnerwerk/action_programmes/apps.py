from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionProgrammesConfig(AppConfig):
    name = "partnerwerk.action_programmes"
    label = "action_programmes"
    verbose_name = _("Joint programmes of action")
