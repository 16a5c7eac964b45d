from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "partnerwerk.core"
    label = "core"

    def ready(self):
        from django.db.backends.signals import connection_created

        from partnerwerk.core.collation import register_collation

        connection_created.connect(register_collation, dispatch_uid="partnerwerk-collation")
