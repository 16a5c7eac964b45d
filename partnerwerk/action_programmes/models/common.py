"""What the records of a joint programme share: texts in two languages, the two sides of a
partnership, and periods that end after they start."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    """The two cities of a partnership: the home city (Dortmund) and the partner city."""

    HOME = "home", _("home city")
    PARTNER = "partner", _("partner city")


def has_text(field: str, name: str, message) -> models.CheckConstraint:
    """The text `field` is written in German or in English (or both): a record may be
    started in either partner's language, never in neither."""
    return models.CheckConstraint(
        condition=~models.Q(**{f"{field}_de": ""}) | ~models.Q(**{f"{field}_en": ""}),
        name=name,
        violation_error_message=message,
    )


def ends_after_start(start: str, end: str, name: str, message) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_message=message,
    )
