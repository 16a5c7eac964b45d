"""The office form of an involvement: an organisation or a person taking part in one
partnership, project or activity."""

from django.utils.translation import gettext_lazy as _

from partnerwerk.actors.models import Involvement, Organisation, Person
from partnerwerk.office.forms import RecordForm
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Activity, Project


def _organisations():
    return Organisation.objects.order_by("name")


def _people():
    return Person.objects.order_by("name")


def _partnerships():
    return Partnership.objects.curated().select_related("home", "partner")


class InvolvementForm(RecordForm):
    class Meta:
        model = Involvement
        fields = [
            "organisation",
            "person",
            "role",
            "partnership",
            "project",
            "activity",
            "note_de",
            "note_en",
            "sources",
        ]
        labels = {
            "organisation": _("organisation"),
            "person": _("person"),
            "partnership": _("partnership"),
            "project": _("project"),
            "activity": _("activity"),
        }
        help_texts = {
            "organisation": _("An organisation or a person, one of the two."),
            "partnership": _("Exactly one: the partnership, the project or the activity."),
        }

    offered = RecordForm.offered | {
        "organisation": _organisations,
        "person": _people,
        "partnership": _partnerships,
        "project": lambda: Project.objects.order_by("title_de"),
        "activity": lambda: Activity.objects.order_by("title_de"),
    }
