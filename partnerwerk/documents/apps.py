from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "partnerwerk.documents"
    label = "documents"
