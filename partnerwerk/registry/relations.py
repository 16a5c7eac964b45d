"""The relations the registry's network is made of, read by the selectors and counted by the
facet summary (each module imports this one, neither the other)."""

from django.db.models import QuerySet

from partnerwerk.core.models import Visibility
from partnerwerk.partnerships.models import Partnership


def network_relations() -> QuerySet:
    """The edges of the network: public relations of either origin."""
    return Partnership.objects.filter(visibility=Visibility.PUBLIC)
