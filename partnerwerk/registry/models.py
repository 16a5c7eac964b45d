from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationFacetCount(models.Model):
    """How many public relations touch a country, per origin, kind and status.

    A summary the database keeps so that a country's relation list answers its facets and
    its total without counting tens of thousands of rows (decision 0017). Rebuilt by
    `registry.facets.rebuild()` after an import; emptied by any change to a partnership and
    rebuilt by the next list that needs it.
    """

    country = models.CharField(_("country"), max_length=2)
    origin = models.CharField(_("origin"), max_length=10)
    kind = models.CharField(_("kind"), max_length=20)
    status = models.CharField(_("status"), max_length=20)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("relation count")
        verbose_name_plural = _("relation counts")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "origin", "kind", "status"], name="relation_facet_unique"
            )
        ]

    def __str__(self):
        return f"{self.country} {self.origin} {self.kind} {self.status}: {self.count}"
