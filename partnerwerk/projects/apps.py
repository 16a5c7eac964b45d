from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "partnerwerk.projects"
    label = "projects"
