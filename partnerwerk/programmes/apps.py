from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "partnerwerk.programmes"
    label = "programmes"
