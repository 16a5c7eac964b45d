"""The `relations` dataset: registry relations in the shape of the partnership export."""

from django.db.models import QuerySet

from partnerwerk.core.dates import format_partial_date
from partnerwerk.core.models import Visibility
from partnerwerk.exchange.serializers import place_reference, source_to_dict
from partnerwerk.partnerships.models import Partnership, PartnershipOrigin


def relation_list() -> QuerySet:
    return (
        Partnership.objects.filter(origin=PartnershipOrigin.REGISTRY, visibility=Visibility.PUBLIC)
        .select_related("home", "partner")
        .prefetch_related("sources")
        .order_by("key")
    )


def relation_to_dict(relation) -> dict:
    return {
        "id": relation.key,
        "kind": relation.kind,
        "status": relation.status,
        "since": format_partial_date(relation.since, relation.since_precision),
        "origin": relation.origin,
        "home": place_reference(relation.home),
        "partner": place_reference(relation.partner),
        "sources": [source_to_dict(source) for source in relation.sources.all()],
    }
