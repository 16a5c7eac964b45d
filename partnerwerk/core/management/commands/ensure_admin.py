import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Create the administrator account if no superuser exists; print its password once.")

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(_("An administrator account exists; nothing to do."))
            return
        password = secrets.token_urlsafe(18)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            _(
                "Created administrator %(username)s with password %(password)s "
                "(shown only this once: note it now)."
            )
            % {"username": username, "password": password}
        )
