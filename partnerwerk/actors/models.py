from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerwerk.core.models import (
    PublicQuerySet,
    Publishable,
    SoftDeleteModel,
    Source,
    TimeStampedModel,
    Visibility,
    exactly_one_subject,
    localized,
    soft_delete_managers,
)


class OrganisationKind(models.TextChoices):
    CITY_OFFICE = "city_office", _("city office or department")
    MUNICIPAL_COMPANY = "municipal_company", _("municipal company")
    UNIVERSITY = "university", _("university")
    SCHOOL = "school", _("school")
    ASSOCIATION = "association", _("association")
    COMPANY = "company", _("company")
    CHAMBER = "chamber", _("chamber")
    FUNDER = "funder", _("funder")
    PROGRAMME_OPERATOR = "programme_operator", _("programme operator")
    PARTNER_ADMINISTRATION = "partner_administration", _("partner city administration")
    PUBLIC_BODY = "public_body", _("public body")
    RELIGIOUS_COMMUNITY = "religious_community", _("religious community")


class Organisation(TimeStampedModel, SoftDeleteModel):
    key = models.SlugField(_("key"), max_length=80, unique=True, help_text=_("Stable code."))
    name = models.CharField(_("name"), max_length=300, help_text=_("Name in its own language."))
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("parent organisation"),
    )
    place = models.ForeignKey(
        "places.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("place"),
    )
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    iati_identifier = models.CharField(
        _("IATI organisation identifier"), max_length=100, blank=True
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="organisation_not_own_parent"
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        language = get_language() or "de"
        return self.name_en if language.startswith("en") and self.name_en else self.name


class LegalBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", _("public task (Art. 6(1)(e) GDPR)")
    CONSENT = "consent", _("consent (Art. 6(1)(a) GDPR)")
    CONTRACT = "contract", _("contract (Art. 6(1)(b) GDPR)")
    LEGITIMATE_INTEREST = "legitimate_interest", _("legitimate interest (Art. 6(1)(f) GDPR)")


class Person(Publishable, TimeStampedModel, SoftDeleteModel):
    key = models.SlugField(_("key"), max_length=80, unique=True, help_text=_("Stable code."))
    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(_("title or honorific"), max_length=50, blank=True)
    function_de = models.CharField(_("function (German)"), max_length=300, blank=True)
    function_en = models.CharField(_("function (English)"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=30,
        choices=LegalBasis.choices,
        help_text=_("Why the office may hold this person's data."),
    )
    consent_given_on = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("With consent as the legal basis: the day the person consented."),
    )
    consent_text = models.TextField(
        _("consent text"),
        blank=True,
        help_text=_("With consent as the legal basis: what the person consented to."),
    )
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the person's data was erased (anonymised everywhere)."),
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers(PublicQuerySet)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(legal_basis="consent")
                | (models.Q(consent_given_on__isnull=False) & ~models.Q(consent_text="")),
                name="person_consent_has_date_and_text",
            )
        ]

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()

    @property
    def function(self) -> str:
        return localized(self, "function")


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    LEAD = "lead", _("lead")
    PARTNER = "partner", _("partner")
    FUNDER = "funder", _("funder")
    IMPLEMENTER = "implementer", _("implementer")
    PARTICIPANT = "participant", _("participant")
    CONTACT = "contact", _("contact")
    DONOR = "donor", _("donor")
    ADVISER = "adviser", _("adviser")


class Involvement(TimeStampedModel, SoftDeleteModel):
    """An organisation or a person taking part in a partnership, project or activity."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name=_("person"),
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name=_("partnership"),
    )
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name=_("project"),
    )
    activity = models.ForeignKey(
        "projects.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="involvements",
        verbose_name=_("activity"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    note_de = models.TextField(_("note (German)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    objects, all_objects = soft_delete_managers()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "id"]
        verbose_name = _("involvement")
        verbose_name_plural = _("involvements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, person__isnull=True)
                | models.Q(organisation__isnull=True, person__isnull=False),
                name="involvement_organisation_or_person",
                violation_error_message=_("Name an organisation or a person, one of the two."),
            ),
            exactly_one_subject(
                "involvement_exactly_one_subject",
                message=_("Choose exactly one partnership, project or activity."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation or self.person} ({self.get_role_display()})"
