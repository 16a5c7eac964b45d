from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerwerk.partnerships"
    label = "partnerships"
