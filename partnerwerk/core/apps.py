from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "partnerwerk.core"
    label = "core"
