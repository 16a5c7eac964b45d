from django import template
from django.urls import reverse
from django.utils.html import format_html

from partnerwerk.registry.places import city_url, place_ref

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
        self.countries: dict[str, str] = {}

    def country(self, place) -> str:
        code = place.country.code
        name = self.countries.get(code)
        if name is None:
            name = self.countries[code] = str(place.country.name or code)
        return name


@register.simple_tag(takes_context=True)
def place_link(context, place) -> str:
    """A place's name linked to its registry page, with its country and region: one call
    instead of an included template, since a page may list hundreds of places; the address
    and the country names are worked out once per page."""
    links = context.render_context.get(_Links)
    if links is None:
        links = context.render_context[_Links] = _Links()
    where = links.country(place)
    if place.region:
        where = f"{where}, {place.region}"
    address = f"{links.before}{place_ref(place)}{links.after}"
    return format_html('<a href="{}">{}</a> ({})', address, place.display_name, where)
