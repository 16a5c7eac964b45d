from django import template
from django.urls import reverse

from partnerwerk.office.navigation import NAVIGATION

register = template.Library()


@register.simple_tag(takes_context=True)
def office_navigation(context) -> list[dict]:
    """The navigation entries the signed-in user may use, with the current one marked."""
    request = context["request"]
    entries = []
    for entry in NAVIGATION:
        if not request.user.has_perm(entry.permission):
            continue
        url = reverse(entry.url_name, args=entry.args)
        current = request.path == url or (
            entry.url_name != "office:dashboard" and request.path.startswith(url)
        )
        entries.append({"url": url, "label": entry.label, "current": current})
    return entries


@register.filter
def field_value(record, name: str):
    """A record's value for display: the label of a choice, the text of a relation."""
    display = getattr(record, f"get_{name}_display", None)
    if display is not None:
        return display()
    value = getattr(record, name, "")
    return "" if value is None else value
