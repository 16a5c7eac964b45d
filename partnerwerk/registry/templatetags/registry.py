from django import template

from partnerwerk.registry.places import city_url

register = template.Library()


@register.simple_tag
def registry_city_url(place) -> str:
    return city_url(place)
