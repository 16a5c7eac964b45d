from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "partnerwerk.actors"
    label = "actors"
