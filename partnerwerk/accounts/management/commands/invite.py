from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partnerwerk.accounts import services
from partnerwerk.accounts.models import OfficeRole
from partnerwerk.actors.models import Organisation
from partnerwerk.partnerships.models import Partnership


class Command(BaseCommand):
    help = _("Invite someone to the back office with a role; prints the invitation link once.")

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, choices=OfficeRole.values)
        parser.add_argument("--organisation", help=_("Key of the organisation (editors)."))
        parser.add_argument("--partnership", help=_("Key of the partnership (counterparts)."))
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help=_("The language of the invitation's page."),
        )
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help=_("The site's address, for the link."),
        )

    def handle(self, *args, email, role, organisation, partnership, language, base_url, **options):
        try:
            invitation, token = services.invitation_create(
                actor=None,
                email=email,
                role=role,
                organisation=Organisation.objects.get(key=organisation) if organisation else None,
                partnership=Partnership.objects.get(key=partnership) if partnership else None,
                language=language,
            )
        except (Organisation.DoesNotExist, Partnership.DoesNotExist) as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        link = services.invitation_link(invitation=invitation, token=token, base_url=base_url)
        self.stdout.write(
            _("Invitation for %(email)s as %(role)s (valid until %(date)s, shown only now):")
            % {
                "email": invitation.email,
                "role": invitation.get_role_display(),
                "date": invitation.expires_at.date().isoformat(),
            }
        )
        self.stdout.write(link)
