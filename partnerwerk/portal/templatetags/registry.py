from django import template
from django.utils.html import format_html

from partnerwerk.registry.places import city_url

register = template.Library()


@register.simple_tag
def registry_city_url(place) -> str:
    return city_url(place)


@register.simple_tag
def place_link(place) -> str:
    """A place's name linked to its registry page, with its country and region: one call
    instead of an included template, since a page may list hundreds of places."""
    where = place.country.name or place.country.code
    if place.region:
        where = f"{where}, {place.region}"
    return format_html('<a href="{}">{}</a> ({})', city_url(place), place.display_name, where)
