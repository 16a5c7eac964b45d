from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "partnerwerk.places"
    label = "places"
