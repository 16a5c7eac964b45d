from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "partnerwerk.api"
    label = "api"
