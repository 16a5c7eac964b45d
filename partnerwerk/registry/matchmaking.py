"""Suggestions for new partners: cities abroad, and people at home who know the theme.

Every suggestion carries its reasons, so the office sees why a city or an organisation is
proposed and can judge it; nothing here is a black-box score. The queries are fixed in
number (the candidates, the city's network, the theme's records, the places).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnerwerk.actors.models import Involvement
from partnerwerk.partnerships.models import Partnership, Theme
from partnerwerk.places.models import Place
from partnerwerk.projects.models import Activity
from partnerwerk.registry import selectors
from partnerwerk.registry.matching import distance_km

SIMILAR_SIZE = 2.0  # a population within this factor counts as a similar size


@dataclass
class CitySuggestion:
    place: Place
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    distance_km: float | None = None
    linked_through: list[Place] = field(default_factory=list)


@dataclass
class ActorSuggestion:
    actor: object  # an Organisation or a Person
    reasons: list[str] = field(default_factory=list)


def _theme_places(theme: Theme) -> dict[int, int]:
    """Place id -> number of partnerships and activities with the theme there (two queries)."""
    counts: dict[int, int] = {}
    for home_id, partner_id in Partnership.objects.filter(themes=theme).values_list(
        "home_id", "partner_id"
    ):
        for pk in (home_id, partner_id):
            counts[pk] = counts.get(pk, 0) + 1
    for (pk,) in Activity.objects.filter(themes=theme, place__isnull=False).values_list("place_id"):
        counts[pk] = counts.get(pk, 0) + 1
    return counts


def suggest_cities(
    *,
    for_place: Place,
    theme: Theme | None = None,
    country: str | None = None,
    via: Place | None = None,
    limit: int = 25,
) -> list[CitySuggestion]:
    """Cities abroad for `for_place`: in `country`, working on `theme`, or twinned with `via`;
    without any of these, the cities its partners are twinned with."""
    network = selectors.network(place=for_place, limit=100_000)
    own_partner_ids = {partner.place.pk for partner in network["first"]}
    linked = {item["place"].pk: item["via"] for item in network["second"]}
    candidates: dict[int, list[str]] = {}
    scores: dict[int, float] = {}

    def add(pk: int, points: float, reason: str) -> None:
        candidates.setdefault(pk, []).append(reason)
        scores[pk] = scores.get(pk, 0) + points

    if via is not None:
        for partner in selectors.city_partners(place=via):
            add(
                partner.place.pk,
                2,
                _("twinned with %(city)s") % {"city": via.display_name},
            )
    if country:
        for row in selectors.most_connected(limit=200, country=country):
            count = row["partners"]
            add(
                row["place"].pk,
                min(count, 20) / 20,
                ngettext(
                    "in %(country)s, with %(count)d known partner",
                    "in %(country)s, with %(count)d known partners",
                    count,
                )
                % {"country": row["place"].country.name, "count": count},
            )
    if theme is not None:
        for pk, count in _theme_places(theme).items():
            add(
                pk,
                3,
                ngettext(
                    "works on %(theme)s (%(count)d partnership or activity)",
                    "works on %(theme)s (%(count)d partnerships or activities)",
                    count,
                )
                % {"theme": theme.name, "count": count},
            )
    if via is None and not country and theme is None:
        for pk in linked:
            add(pk, 0, _("a partner of your partners"))

    candidates.pop(for_place.pk, None)
    places = Place.objects.only(*selectors.PLACE_FIELDS).in_bulk(list(candidates))
    suggestions = []
    for pk, reasons in candidates.items():
        place = places.get(pk)
        if place is None or place.country == for_place.country or pk in own_partner_ids:
            continue
        suggestion = CitySuggestion(place=place, score=scores[pk], reasons=list(reasons))
        through = linked.get(pk, [])
        if through:
            suggestion.linked_through = through
            suggestion.score += min(len(through), 3)
            suggestion.reasons.append(
                ngettext(
                    "twinned with %(count)d of your partners: %(names)s",
                    "twinned with %(count)d of your partners: %(names)s",
                    len(through),
                )
                % {"count": len(through), "names": ", ".join(p.display_name for p in through)}
            )
        if place.population and for_place.population:
            ratio = place.population / for_place.population
            if 1 / SIMILAR_SIZE <= ratio <= SIMILAR_SIZE:
                suggestion.score += 1
                suggestion.reasons.append(
                    _("similar size: %(population)s inhabitants")
                    % {"population": f"{place.population:,}".replace(",", "\u202f")}
                )
        if None not in (place.latitude, for_place.latitude):
            suggestion.distance_km = distance_km(
                for_place.latitude, for_place.longitude, place.latitude, place.longitude
            )
            suggestion.reasons.append(
                _("%(distance)d km away") % {"distance": round(suggestion.distance_km)}
            )
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.distance_km or 0, s.place.name))
    return suggestions[:limit]


def _involvement_text(involvement) -> str:
    subject = involvement.project or involvement.activity or involvement.partnership
    if involvement.project_id:
        what = _("project “%(title)s”") % {"title": subject.title}
    elif involvement.activity_id:
        what = _("activity “%(title)s”") % {"title": subject.title}
    else:
        what = _("partnership with %(city)s") % {"city": subject.partner.display_name}
    return _("%(role)s in the %(what)s") % {"role": involvement.get_role_display(), "what": what}


def suggest_people(*, theme: Theme, home: Place | None, limit: int = 25) -> list[ActorSuggestion]:
    """Organisations and people of the own city involved in projects, activities or
    partnerships on `theme`, each with what they did (one query)."""
    own_city = Q(organisation__place__isnull=True) | Q(organisation__place=home)
    own_person = Q(person__organisation__isnull=True) | Q(person__organisation__place=home)
    if home is None:
        own_city, own_person = Q(), Q()
    involvements = (
        Involvement.objects.filter(
            Q(project__themes=theme) | Q(activity__themes=theme) | Q(partnership__themes=theme)
        )
        .filter((Q(organisation__isnull=False) & own_city) | (Q(person__isnull=False) & own_person))
        .select_related("organisation", "person", "project", "activity", "partnership__partner")
        .distinct()
        .order_by("id")
    )
    actors: dict[tuple, ActorSuggestion] = {}
    for involvement in involvements:
        actor = involvement.organisation or involvement.person
        entry = actors.setdefault(
            (type(actor).__name__, actor.pk), ActorSuggestion(actor=actor, reasons=[])
        )
        text = _involvement_text(involvement)
        if text not in entry.reasons:
            entry.reasons.append(text)
    return sorted(actors.values(), key=lambda a: (-len(a.reasons), str(a.actor)))[:limit]
