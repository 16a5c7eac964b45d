from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import Source, TimeStampedModel
from partnerwerk.places.names import search_key, split_alternate_names


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
    alternate_names = models.TextField(
        _("alternate names"),
        blank=True,
        editable=False,
        help_text=_("GeoNames' other names of the place, one a line, in every language."),
    )
    search_names = models.TextField(
        _("search names"),
        blank=True,
        editable=False,
        help_text=_("Every name of the place, folded, for the place search (set on saving)."),
    )
    own_names = models.TextField(
        _("own names"),
        blank=True,
        editable=False,
        help_text=_(
            "The place's own names (international, German, English, native), folded: a place "
            "of exactly the searched name comes first (set on saving)."
        ),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    # The names are GeoNames' and derived from the rest: no history of their own.
    history = HistoricalRecords(excluded_fields=["alternate_names", "search_names", "own_names"])

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

    def save(self, *args, **kwargs):
        self.refresh_search_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_names", "own_names"}
        super().save(*args, **kwargs)

    def refresh_search_names(self) -> None:
        """The search key from the place's own names and its GeoNames alternate names; set on
        every save, and by bulk writers (which save no record one by one) before inserting."""
        own = [self.name, self.name_de, self.name_en, self.name_native]
        self.own_names = search_key(own)
        self.search_names = search_key([*own, *split_alternate_names(self.alternate_names)])

    @property
    def display_name(self) -> str:
        """The name in the reader's language where the data has one, else GeoNames' own name
        (mostly the local one: Köln, Sevilla, Kraków), never another language's name."""
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"name_{language}", "") or self.name
