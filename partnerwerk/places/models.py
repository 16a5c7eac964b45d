from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import Source, TimeStampedModel, localized


class Continent(models.TextChoices):
    AFRICA = "AF", _("Africa")
    ANTARCTICA = "AN", _("Antarctica")
    ASIA = "AS", _("Asia")
    EUROPE = "EU", _("Europe")
    NORTH_AMERICA = "NA", _("North America")
    OCEANIA = "OC", _("Oceania")
    SOUTH_AMERICA = "SA", _("South America")


class GeoNamesMatch(models.TextChoices):
    """How an imported place found its GeoNames entry (empty: set by hand or reference data)."""

    NAME = "name", _("by name")
    ALTERNATE_NAME = "alternate_name", _("by an alternate name")
    UNMATCHED = "unmatched", _("no GeoNames entry found")


class Place(TimeStampedModel):
    """A municipality anywhere, identified by its GeoNames id where it has one."""

    geonames_id = models.PositiveBigIntegerField(
        _("GeoNames id"), null=True, blank=True, help_text=_("Identifies the place.")
    )
    wikidata_id = models.CharField(_("Wikidata id"), max_length=20, blank=True)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("International name as GeoNames gives it.")
    )
    name_native = models.CharField(_("native name"), max_length=200, blank=True)
    name_de = models.CharField(_("German name"), max_length=200, blank=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    country = CountryField(_("country"), help_text=_("ISO 3166-1 alpha-2 code."))
    continent = models.CharField(_("continent"), max_length=2, choices=Continent.choices)
    region = models.CharField(_("region"), max_length=200, blank=True)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    population_source = models.CharField(_("population source"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    geonames_match = models.CharField(
        _("GeoNames match"),
        max_length=20,
        choices=GeoNamesMatch.choices,
        blank=True,
        help_text=_("How an import found the GeoNames entry; empty when set by hand."),
    )
    registry_key = models.CharField(
        _("registry key"),
        max_length=255,
        blank=True,
        help_text=_(
            "Identifies a place without GeoNames id in imported registry data "
            "(country, name and the file's coordinates)."
        ),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(
                fields=["geonames_id"],
                condition=models.Q(geonames_id__isnull=False),
                name="place_unique_geonames_id",
            ),
            models.UniqueConstraint(
                fields=["registry_key"],
                condition=~models.Q(registry_key=""),
                name="place_unique_registry_key",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
            ),
        ]
        indexes = [models.Index(fields=["country", "name"])]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return localized(self, "name") or self.name
