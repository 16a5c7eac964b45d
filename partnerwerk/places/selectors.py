"""Reads of places: the home city, and places found by any of their names.

A place page shows partnerships, projects and people, which live in apps above places: the list
of partner cities is read in partnerships/selectors.py, one partner city's page in
portal/selectors.py.
"""

from django.conf import settings
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import translation
from django_countries import countries

from partnerwerk.places.models import Place
from partnerwerk.places.names import SEPARATOR, fold

SEARCH_LIMIT = 10
# A typed name that fits more places than this is not worth listing: the reader types more.
CHOICE_LIMIT = 8


def home_place() -> Place | None:
    """The municipality whose office runs this installation (PARTNERWERK_HOME_GEONAMES_ID)."""
    return Place.objects.filter(geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID).first()


def place_ref(place: Place) -> str:
    """How a form or an address names a place: its GeoNames id, or `p<id>` without one."""
    return str(place.geonames_id) if place.geonames_id else f"p{place.pk}"


def place_by_ref(ref: str) -> Place | None:
    ref = ref.strip()
    if ref.isdigit():
        return Place.objects.filter(geonames_id=int(ref)).first()
    if ref[:1] == "p" and ref[1:].isdigit():
        return Place.objects.filter(pk=int(ref[1:])).first()
    return None


def _ranked(queryset: QuerySet, key: str) -> QuerySet:
    """Places ranked for the folded `key`, each rank by population: first those whose own name
    (international, German, English, native) is the key; then those with a GeoNames alternate
    name that is the key or an own name that begins with it; then the rest (an alternate name,
    or a word of a name, that begins with it). GeoNames' alternate names hold other languages'
    spellings and airport codes ("Kum" is one of Qom's), so they count less than own names."""
    whole, beginning = f"{SEPARATOR}{key}{SEPARATOR}", f"{SEPARATOR}{key}"
    rank = Case(
        When(own_names__contains=whole, then=Value(0)),
        When(Q(search_names__contains=whole) | Q(own_names__contains=beginning), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return queryset.annotate(rank=rank).order_by(
        "rank", F("population").desc(nulls_last=True), "name", "id"
    )


def place_search(*, query: str, limit: int = SEARCH_LIMIT) -> list[Place]:
    """Places with a name, in any language GeoNames knows (German, English, local, ...), that
    begins with `query` or has a word that does: "Wien" finds Vienna (by its name Wien) before
    Wiener Neustadt, "Kum" finds Kumasi first. Ranked as `_ranked` says."""
    key = fold(query)
    if not key:
        return []
    condition = Q(search_names__contains=f"{SEPARATOR}{key}") | Q(search_names__contains=f" {key}")
    return list(_ranked(Place.objects.filter(condition), key)[:limit])


def _country_code(text: str) -> str | None:
    """The ISO code of a country named in German or English ("Deutschland", "Germany", "DE")."""
    text = text.strip()
    if text.upper() in countries:
        return text.upper()
    for language in ("de", "en"):
        with translation.override(language):
            code = countries.by_name(text, language=language)
        if code:
            return code
    return None


def name_and_country(name: str) -> tuple[str, str | None]:
    """ "Frankfurt, Deutschland" or "Frankfurt (Deutschland)" → ("Frankfurt", "DE"); a name
    without a country it names → (the name, None)."""
    text = name.strip()
    for opening, closing in ((",", ""), ("(", ")")):
        head, found, tail = text.rpartition(opening)
        if found and head.strip() and tail.endswith(closing):
            code = _country_code(tail.removesuffix(closing) if closing else tail)
            if code:
                return head.strip(), code
    return text, None


def places_named(
    *, name: str, within: QuerySet | None = None, limit: int = CHOICE_LIMIT
) -> list[Place]:
    """The places a typed name means: those with exactly this name, else those with a name
    that begins with it; "Frankfurt, Deutschland" or "Frankfurt (Deutschland)" narrows to
    a country. At most `limit` + 1, so a caller can tell that there are more."""
    text, country = name_and_country(name)
    key = fold(text)
    if not key:
        return []
    places = Place.objects.all() if within is None else within
    if country:
        places = places.filter(country=country)
    exact = places.filter(search_names__contains=f"{SEPARATOR}{key}{SEPARATOR}")
    found = list(_ranked(exact, key)[: limit + 1])
    if not found:
        found = list(
            _ranked(places.filter(search_names__contains=f"{SEPARATOR}{key}"), key)[: limit + 1]
        )
    return found
