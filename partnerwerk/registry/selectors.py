"""Reads of the registry: the network of known relations between places.

The network is every public partnership, registry and curated alike, read as undirected
edges between two places; several relations of one pair (Dortmund and Kumasi: twinning,
climate, project) are one edge with several kinds. Each function runs a fixed number of
queries whatever the size of the network.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from partnerwerk.partnerships.models import Partnership, PartnershipKind, PartnershipOrigin
from partnerwerk.places.models import Place
from partnerwerk.registry import facets as relation_facets
from partnerwerk.registry import prepared
from partnerwerk.registry.relations import network_relations

PLACE_FIELDS = (
    "id",
    "geonames_id",
    "name",
    "name_de",
    "name_en",
    "country",
    "region",
    "population",
    "latitude",
    "longitude",
    "geonames_match",
)


@dataclass
class Partner:
    """Another place linked to a city, with every relation of the pair."""

    place: Place
    relations: list[Partnership] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({relation.kind for relation in self.relations})

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(PartnershipKind.choices)
        return [labels.get(kind, kind) for kind in self.kinds]

    @property
    def curated(self) -> bool:
        return any(r.origin == PartnershipOrigin.CURATED for r in self.relations)

    @property
    def registry(self) -> bool:
        return any(r.origin == PartnershipOrigin.REGISTRY for r in self.relations)


def _with_places(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("home", "partner").only(
        "id",
        "key",
        "kind",
        "status",
        "origin",
        "home_id",
        "partner_id",
        *(f"home__{name}" for name in PLACE_FIELDS),
        *(f"partner__{name}" for name in PLACE_FIELDS),
    )


def registry_place(*, geonames_id: int | None = None, pk: int | None = None) -> Place | None:
    places = Place.objects.only(*PLACE_FIELDS, "population_source", "continent")
    if geonames_id is not None:
        return places.filter(geonames_id=geonames_id).first()
    return places.filter(pk=pk).first()


def _group_partners(relations, place_ids: set[int]) -> dict[int, dict[int, Partner]]:
    """For each place in `place_ids`: its partners by id, with the relations of each pair."""
    grouped: dict[int, dict[int, Partner]] = {pk: {} for pk in place_ids}
    for relation in relations:
        for own, other in ((relation.home, relation.partner), (relation.partner, relation.home)):
            if own.pk in grouped:
                partner = grouped[own.pk].setdefault(other.pk, Partner(place=other))
                partner.relations.append(relation)
    return grouped


def _sorted(partners) -> list[Partner]:
    return sorted(partners, key=lambda p: (p.place.country.code, p.place.display_name, p.place.pk))


# A page lists the partners of at most this many relations of one city, and links to the
# next ones; a hub of a synthetic national registry has tens of thousands.
CITY_RELATION_LIMIT = 250


def _home_side(*, place: int, after: int | None = None) -> QuerySet:
    queryset = network_relations().filter(home_id=place)
    return (queryset.filter(id__gt=after) if after is not None else queryset).order_by("id")


def _partner_side(*, place: int, after: int | None = None) -> QuerySet:
    queryset = network_relations().filter(partner_id=place)
    return (queryset.filter(id__gt=after) if after is not None else queryset).order_by("id")


def _touching(place: Place, limit: int | None, after: int | None = None) -> list[Partnership]:
    """The relations of `place` by id (those after relation id `after`); with `limit`, only
    the first `limit` (two queries, compiled once per process: registry/prepared.py).

    One query per side rather than `home = place OR partner = place`: each side walks its own
    index in id order and stops at the limit, where the OR made SQLite read and sort every
    relation of a hub (bench/synthetic_registry.py)."""
    relations = []
    for side in (_home_side, _partner_side):
        relations += prepared.relations(
            side, place=place.pk, after=after, limit=limit, place_fields=PLACE_FIELDS
        )
    relations.sort(key=lambda relation: relation.pk)
    return relations[:limit] if limit is not None else relations


def city_partners(*, place: Place) -> list[Partner]:
    """Every place linked to `place`, each once, sorted by country and name (two queries)."""
    return _sorted(_group_partners(_touching(place, None), {place.pk})[place.pk].values())


def city_partner_page(*, place: Place, after: int | None = None) -> dict:
    """The partners of the next CITY_RELATION_LIMIT relations of `place` after relation id
    `after`, how many relations it has in all, and where the next page starts, if any (three
    queries)."""
    relations = _touching(place, CITY_RELATION_LIMIT + 1, after)
    more = len(relations) > CITY_RELATION_LIMIT
    relations = relations[:CITY_RELATION_LIMIT]
    return {
        "partners": _sorted(_group_partners(relations, {place.pk})[place.pk].values()),
        "shown": len(relations),
        "total": city_relation_count(place=place),
        "next_after": relations[-1].pk if more else None,
    }


def city_relation_count(*, place: Place) -> int:
    """How many relations touch `place` (one query, each side counted on its own index)."""
    home = network_relations().filter(home=place).order_by().values("pk")
    partner = network_relations().filter(partner=place).order_by().values("pk")
    return home.union(partner, all=True).count()


def common_partners(*, first: Place, second: Place) -> list[dict]:
    """Places linked to both cities (one query)."""
    relations = _with_places(
        network_relations().filter(Q(home__in=(first, second)) | Q(partner__in=(first, second)))
    )
    grouped = _group_partners(relations, {first.pk, second.pk})
    shared = grouped[first.pk].keys() & grouped[second.pk].keys()
    return sorted(
        (
            {
                "place": grouped[first.pk][pk].place,
                "first": grouped[first.pk][pk],
                "second": grouped[second.pk][pk],
            }
            for pk in shared
        ),
        key=lambda item: (item["place"].country.code, item["place"].display_name),
    )


def network(*, place: Place, limit: int = 500) -> dict:
    """The network two steps out: the city's partners, and their partners that are not the
    city's own, each with the partners through which it is reached (two queries)."""
    first_step = city_partners(place=place)
    partner_ids = {partner.place.pk for partner in first_step}
    relations = _with_places(
        network_relations().filter(Q(home__in=partner_ids) | Q(partner__in=partner_ids))
    )
    second: dict[int, dict] = {}
    for relation in relations:
        for own, other in ((relation.home, relation.partner), (relation.partner, relation.home)):
            if own.pk in partner_ids and other.pk != place.pk and other.pk not in partner_ids:
                entry = second.setdefault(other.pk, {"place": other, "via": {}})
                entry["via"][own.pk] = own
    second_step = sorted(
        second.values(),
        key=lambda item: (-len(item["via"]), item["place"].country.code, item["place"].name),
    )
    for item in second_step:
        item["via"] = sorted(item["via"].values(), key=lambda p: p.display_name)
    return {
        "first": first_step,
        "second": second_step[:limit],
        "second_total": len(second_step),
    }


def most_connected(*, limit: int = 50, country: str | None = None) -> list[dict]:
    """Places with the most distinct partners (two queries: counts, then the places)."""
    place_table = Place._meta.db_table
    # Each direction of every edge, compiled from the network's queryset so that the one
    # definition of a public relation decides here too; raw SQL only for the union.
    directions = [
        network_relations()
        .order_by()
        .annotate(place_id=F(place), other_id=F(other))
        .values_list("place_id", "other_id")
        .query.sql_with_params()
        for place, other in (("home_id", "partner_id"), ("partner_id", "home_id"))
    ]
    params: list = [*directions[0][1], *directions[1][1]]
    country_join = ""
    if country:
        country_join = f" JOIN {place_table} p ON p.id = edges.place_id WHERE p.country = %s"
        params.append(country.upper())
    sql = (
        "SELECT edges.place_id, COUNT(DISTINCT edges.other_id) AS partners FROM ("
        f"{directions[0][0]} UNION ALL {directions[1][0]}"
        f") edges{country_join} GROUP BY edges.place_id "
        "ORDER BY partners DESC, edges.place_id LIMIT %s"
    )
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = cursor.fetchall()
    places = Place.objects.only(*PLACE_FIELDS).in_bulk([pk for pk, _count in counts])
    return [{"place": places[pk], "partners": count} for pk, count in counts if pk in places]


def country_pair(*, first: str, second: str) -> list[dict]:
    """Cities of country `first` with partners in country `second`, each with those partners
    (one query)."""
    first, second = first.upper(), second.upper()
    relations = _with_places(
        network_relations().filter(
            Q(home__country=first, partner__country=second)
            | Q(home__country=second, partner__country=first)
        )
    )
    cities: dict[int, Partner] = {}
    for relation in relations:
        for own, other in ((relation.home, relation.partner), (relation.partner, relation.home)):
            if own.country.code == first and other.country.code == second:
                city = cities.setdefault(own.pk, Partner(place=own))
                city.relations.append(relation)
    result = []
    for city in _sorted(cities.values()):
        partners: dict[int, Place] = {}
        for relation in city.relations:
            other = relation.partner if relation.home_id == city.place.pk else relation.home
            partners[other.pk] = other
        result.append(
            {
                "place": city.place,
                "partners": sorted(partners.values(), key=lambda p: p.display_name),
            }
        )
    return result


def _relation_list(
    *,
    country: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    origin: str | None = None,
) -> QuerySet:
    """The relations of `relation_search`, by id; for a country with many relations: walked
    in id order, each tested against the country's places, so a page stops early."""
    queryset = network_relations()
    if origin:
        queryset = queryset.filter(origin=origin)
    if country:
        # Two indexed id lists instead of an OR across two joins: about 4 times faster on
        # 300,000 relations (bench/synthetic_registry.py).
        places = Place.objects.filter(country=country).values("id")
        queryset = queryset.filter(Q(home_id__in=places) | Q(partner_id__in=places))
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("id")


def _relation_list_by_ids(*, country: str, **asked) -> QuerySet:
    """The same relations for a country with few: the ids of its relations first, read on
    the indexes of either side (all rows: the network's own rules apply outside), then those
    rows by id. Walking every relation by id found a page of a small country only at the end
    of the table (7 ms where this takes under 1 ms on the twin-cities import)."""
    places = Place.objects.filter(country=country).values("id")
    sides = [
        Partnership.all_objects.order_by().filter(**{f"{side}_id__in": places}).values("id")
        for side in ("home", "partner")
    ]
    return _relation_list(**asked).filter(id__in=sides[0].union(sides[1], all=True))


# A country with more relations than this has a page's worth early in id order (decision 0036).
DENSE_COUNTRY = 2000


def relation_search(
    *,
    country: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    origin: str | None = PartnershipOrigin.REGISTRY,
) -> dict:
    """Relations with facets by kind and status: the filtered relations with their places
    (rows fetched by the caller's page, through a statement compiled once per process:
    registry/prepared.py) and the facet counts (two queries)."""
    country = country.upper() if country else None
    origin = origin or None
    if country:
        # A country's facets and total come from the summary the database keeps: counting
        # tens of thousands of rows per request would not stay fast (decision 0017).
        summary = relation_facets.facet_values(
            relation_facets.counts_for(country=country, origin=origin), kind=kind, status=status
        )
        facets, count = summary["facets"], summary["count"]
    else:
        queryset = _relation_list(origin=origin)
        facets, count = _counted_facets(queryset, kind=kind, status=status), None
    by_ids = country and count is not None and count <= DENSE_COUNTRY
    relations = prepared.Relations(
        _relation_list_by_ids if by_ids else _relation_list,
        place_fields=PLACE_FIELDS,
        country=country,
        kind=kind or None,
        status=status or None,
        origin=origin,
    )
    return {"relations": relations, "facets": facets, "count": count}


def _counted_facets(queryset: QuerySet, *, kind: str | None, status: str | None) -> dict:
    facets = {}
    for name, value in (("kind", kind), ("status", status)):
        others = queryset
        for other_name, other_value in (("kind", kind), ("status", status)):
            if other_name != name and other_value:
                others = others.filter(**{other_name: other_value})
        facets[name] = [
            {"value": row[name], "count": row["count"], "selected": row[name] == value}
            for row in others.values(name).annotate(count=Count("id")).order_by("-count", name)
        ]
    return facets
