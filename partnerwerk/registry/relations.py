"""The relations the registry's network is made of, read by the selectors and counted by the
facet summary (each module imports this one, neither the other)."""

from django.db.models import QuerySet

from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.selectors import without_registry_twins


def network_relations() -> QuerySet:
    """The edges of the network: public relations of either origin; a pair the office curates
    is its own record, not also the registry's (decision 0025)."""
    return without_registry_twins(Partnership.objects.public())
