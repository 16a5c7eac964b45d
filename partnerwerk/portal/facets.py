"""Search, facets and sorting of the public partnerships index.

Each facet counts the partnerships that match every other active filter, so a visitor sees
how many results choosing a value would give. The number of queries is fixed: one per facet.

Filters on themes and goals, the search and each facet's count go through the set of matching
partnership ids (`pk__in`), never through joins of two many-to-many relations: counting
distinct ids over such a product is cheap or endless depending on the planner's statistics,
which are missing after every bulk import.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from partnerwerk.partnerships.models import Partnership, PartnershipKind, PartnershipStatus, Theme
from partnerwerk.partnerships.selectors import home_public_partnerships
from partnerwerk.places.models import Continent
from partnerwerk.places.names import fold
from partnerwerk.sdg.models import Goal, SdgTag

ThemeLink = Partnership.themes.through
# Facet name: the rows its counts come from (one per partnership and value, or several for a
# goal tagged with some of its targets), the column they group by and the partnership column.
FACET_FIELDS = {
    "kind": (Partnership, "kind", "pk"),
    "status": (Partnership, "status", "pk"),
    "continent": (Partnership, "partner__continent", "pk"),
    "country": (Partnership, "partner__country", "pk"),
    "theme": (ThemeLink, "theme__code", "partnership_id"),
    "sdg": (SdgTag, "goal_id", "partnership_id"),
}
GOAL_NUMBERS = {str(number) for number in range(1, 18)}  # as they appear in a URL
FACET_TITLES = {
    "kind": _("Kind"),
    "status": _("Status"),
    "continent": _("Continent"),
    "country": _("Country"),
    "theme": _("Theme"),
    "sdg": _("Sustainable Development Goal"),
}
SORTS = {
    "name": ("partner__name", "kind", "key"),
    "-since": ("-since", "partner__name", "key"),
    "since": ("since", "partner__name", "key"),
    "country": ("partner__country", "partner__name", "key"),
    "kind": ("kind", "partner__name", "key"),
}
SORT_LABELS = {
    "name": _("Name"),
    "-since": _("Newest first"),
    "since": _("Oldest first"),
    "country": _("Country"),
    "kind": _("Kind"),
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)


def clean_filters(params) -> dict:
    """The facet filters from GET parameters, keeping only values that can match."""
    filters = {}
    for name in FACET_FIELDS:
        value = (params.get(name) or "").strip()
        if value:
            filters[name] = value
    if filters.get("sdg", "1") not in GOAL_NUMBERS:
        del filters["sdg"]
    if "country" in filters:
        filters["country"] = filters["country"].upper()
    return filters


def _apply(queryset: QuerySet, filters: dict, skip: str = "") -> QuerySet:
    for name, value in filters.items():
        if name == skip:
            continue
        if name == "sdg":
            # A partnership may carry a goal and several of its targets: match by id, so a
            # partnership is counted once.
            tagged = SdgTag.objects.filter(goal_id=int(value)).values("partnership_id")
            queryset = queryset.filter(pk__in=tagged)
        elif name == "theme":
            linked = ThemeLink.objects.filter(theme__code=value).values("partnership_id")
            queryset = queryset.filter(pk__in=linked)
        else:
            queryset = queryset.filter(**{FACET_FIELDS[name][1]: value})
    return queryset


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Partnerships whose city names, description or themes contain `text`."""
    text = text.strip()
    if not text:
        return queryset
    by_theme = ThemeLink.objects.filter(
        Q(theme__name_de__icontains=text) | Q(theme__name_en__icontains=text)
    ).values("partnership_id")
    return queryset.filter(
        Q(partner__name__icontains=text)
        | Q(partner__name_de__icontains=text)
        | Q(partner__name_en__icontains=text)
        | Q(partner__name_native__icontains=text)
        | Q(description_de__icontains=text)
        | Q(description_en__icontains=text)
        | Q(pk__in=by_theme)
    )


def _by_shown_name(partnership: Partnership) -> tuple:
    # By the name the reader sees, in German collation (ä as a, ß as ss: Schytomyr under S,
    # where GeoNames' Zhytomyr would put it under Z). The city's own partnerships are few, so
    # they are sorted here rather than by a collation each database spells differently.
    return (fold(partnership.partner.display_name), partnership.kind, partnership.key)


def partnership_search(*, params) -> dict:
    """The page of results and the facets for the GET parameters of the index."""
    filters = clean_filters(params)
    base = search(home_public_partnerships(), params.get("q") or "")
    sort = params.get("sort") if params.get("sort") in SORTS else "name"
    results = (
        _apply(base, filters)
        .select_related("partner")
        .prefetch_related("themes")
        .order_by(*SORTS[sort])
    )
    if sort == "name":
        results = sorted(results, key=_by_shown_name)
    return {
        "results": results,
        "filters": filters,
        "sort": sort,
        "facets": [_facet(name, base, filters) for name in FACET_FIELDS],
    }


def _labels(name: str, values: list[str]) -> dict[str, str]:
    if name == "kind":
        return {str(value): str(label) for value, label in PartnershipKind.choices}
    if name == "status":
        return {str(value): str(label) for value, label in PartnershipStatus.choices}
    if name == "continent":
        return {str(value): str(label) for value, label in Continent.choices}
    if name == "country":
        return {code: str(countries.name(code)) for code in values}
    if name == "theme":
        return {theme.code: theme.name for theme in Theme.objects.filter(code__in=values)}
    return {str(goal.number): str(goal) for goal in Goal.objects.filter(number__in=values)}


def facet_counts(name: str, base: QuerySet, filters: dict) -> QuerySet:
    """The facet's values with their `count` of partnerships matching the other filters."""
    # The matching ids are read first and counted as a list: a subquery joined to the
    # facet's table left the plan to PostgreSQL's guess on freshly inserted, unanalysed rows
    # (a statement timeout at 2,000 partnerships). The home city's partnerships are few.
    matching = list(_apply(base, filters, skip=name).values_list("pk", flat=True))
    model, column, partnership = FACET_FIELDS[name]
    return (
        model.objects.filter(**{f"{partnership}__in": matching, f"{column}__isnull": False})
        .values(column)
        .annotate(count=Count(partnership, distinct=True))
        .order_by(column)
    )


def _facet(name: str, base: QuerySet, filters: dict) -> Facet:
    column = FACET_FIELDS[name][1]
    counts = {str(row[column]): row["count"] for row in facet_counts(name, base, filters)}
    labels = _labels(name, list(counts))
    values = [
        FacetValue(value, labels.get(value, value), count, filters.get(name) == value)
        for value, count in counts.items()
    ]
    if name not in ("sdg", "kind", "status"):
        values.sort(key=lambda item: item.label.lower())
    return Facet(name=name, title=str(FACET_TITLES[name]), values=values)
