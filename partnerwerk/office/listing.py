"""What an office list shows for its GET parameters: the records the user may read, narrowed
by the search, the origin and the choice filters, in the chosen order. The list page and its
export read the same, so an export holds exactly the listed records."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from partnerwerk.accounts.selectors import readable
from partnerwerk.office.kinds import RecordKind
from partnerwerk.office.selectors import ORIGINS, chosen_origin, of_origin
from partnerwerk.office.sorting import chosen_sort, sort_order


@dataclass
class Listing:
    records: QuerySet
    query: str = ""
    # The filter drop-downs: name, label, choices, the chosen value.
    filters: list = field(default_factory=list)
    # The filters in force, name → value (the origin only when not the default).
    chosen: dict = field(default_factory=dict)
    # The chosen sort, e.g. "name" or "-start_date"; "" for the default order.
    sort: str = ""


def listing(user, kind: RecordKind, params) -> Listing:
    """The records of `kind` the list shows for the GET parameters `params`."""
    queryset = readable(user, kind.model.objects.select_related(*kind.related))
    result = Listing(records=queryset, query=params.get("q", "").strip())
    if result.query and kind.search:
        condition = Q()
        for name in kind.search:
            condition |= Q(**{f"{name}__icontains": result.query})
        queryset = queryset.filter(condition)
    if kind.origin_of is not None:
        origin = chosen_origin(params.get("origin"))
        queryset = of_origin(queryset, partnership=kind.origin_of, origin=origin)
        if origin:
            result.chosen["origin"] = origin
        result.filters.append(
            {
                "name": "origin",
                "label": _("origin"),
                "choices": ORIGINS,
                "value": origin or ORIGINS[0][0],
                "required": True,
            }
        )
    for name in kind.filters:
        model_field = kind.model._meta.get_field(name)
        value = params.get(name, "")
        if value and value in dict(model_field.choices):
            queryset = queryset.filter(**{name: value})
            result.chosen[name] = value
        result.filters.append(
            {
                "name": name,
                "label": model_field.verbose_name,
                "choices": model_field.choices,
                "value": value,
            }
        )
    result.sort = chosen_sort(kind.slug, params.get("sort"))
    if result.sort:
        result.records = queryset.order_by(*sort_order(kind.slug, result.sort))
    else:
        result.records = queryset.order_by(*kind.model._meta.ordering, "pk")
    return result
