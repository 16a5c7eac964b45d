from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import Source, TimeStampedModel, localized


class ProgrammeKind(models.TextChoices):
    FEDERAL = "federal", _("federal programme")
    STATE = "state", _("state programme or exchange")
    CITY_STRATEGY = "city_strategy", _("city strategy")
    EVENT_SERIES = "event_series", _("event series")
    INTERNATIONAL = "international", _("international framework")


class Programme(TimeStampedModel):
    """A framework a partnership or project runs in."""

    key = models.SlugField(_("key"), max_length=80, unique=True, help_text=_("Stable code."))
    name_de = models.CharField(_("name (German)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProgrammeKind.choices)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    operator = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="operated_programmes",
        verbose_name=_("operator"),
    )
    funder = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_programmes",
        verbose_name=_("funder"),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")
