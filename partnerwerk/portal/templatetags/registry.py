from html import escape

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries

from partnerwerk.registry.places import city_url, place_ref, ref_of
from partnerwerk.registry.values import country_code

register = template.Library()

# Stands for a place's ref in the address reversed once per rendering (a path segment no ref
# is: refs are digits or "p" and digits).
REF = "REF"


@register.simple_tag
def registry_city_url(place) -> str:
    return city_url(place)


class _Links:
    """What every link of one rendering shares: the address of a city page (reversed once,
    in the page's language) and the country names already looked up."""

    def __init__(self):
        self.before, self.after = reverse("registry:city", kwargs={"ref": REF}).rsplit(REF, 1)
        self.escaped_before, self.escaped_after = escape(self.before), escape(self.after)
        self.countries: dict[str, str] = {}

    def country(self, code: str) -> str:
        name = self.countries.get(code)
        if name is None:
            name = self.countries[code] = str(countries.name(code) or code)
        return name


def _links(context) -> _Links:
    links = context.render_context.get(_Links)
    if links is None:
        links = context.render_context[_Links] = _Links()
    return links


def _link(links: _Links, *, ref: str, name: str, country: str, region: str) -> str:
    where = links.country(country)
    if region:
        where = f"{where}, {region}"
    return format_html('<a href="{}{}{}">{}</a> ({})', links.before, ref, links.after, name, where)


@register.simple_tag(takes_context=True)
def place_link(context, place) -> str:
    """A place's name linked to its registry page, with its country and region: one call
    instead of an included template, since a page may list hundreds of places; the address
    and the country names are worked out once per page."""
    return _link(
        _links(context),
        ref=place_ref(place),
        name=place.display_name,
        country=place.country.code,
        region=place.region,
    )


def _value_cell(links: _Links, place: dict, name_field: str) -> str:
    """The escaped HTML of `place_link` for a place read as plain values (registry/prepared.py),
    built without format_html's per-argument checks (about 2 ms on a page of 50 relations)."""
    where = links.country(country_code(place["country"]))
    if place["region"]:
        where = f"{where}, {place['region']}"
    ref = ref_of(geonames_id=place["geonames_id"], pk=place["id"])
    name = place.get(name_field) or place["name"]
    return (
        f'<a href="{links.escaped_before}{escape(ref)}{links.escaped_after}">'
        f"{escape(name)}</a> ({escape(where)})"
    )


@register.simple_tag(takes_context=True)
def relation_rows(context, rows) -> str:
    """The table rows of a page of relations read as plain values, each (relation, home,
    partner) with the relation's `kind_label` and `status_label`: one call for the page
    rather than a loop of tags, the same HTML (decision 0036)."""
    links = _links(context)
    name_field = f"name_{(get_language() or settings.LANGUAGE_CODE)[:2]}"  # as display_name
    return mark_safe(  # noqa: S308 - every value is escaped above and here
        "".join(
            f"<tr><td>{_value_cell(links, home, name_field)}</td>"
            f"<td>{_value_cell(links, partner, name_field)}</td>"
            f"<td>{escape(relation['kind_label'])}</td>"
            f"<td>{escape(relation['status_label'])}</td></tr>"
            for relation, home, partner in rows
        )
    )
