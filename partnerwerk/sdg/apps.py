from django.apps import AppConfig


class SdgConfig(AppConfig):
    name = "partnerwerk.sdg"
    label = "sdg"
