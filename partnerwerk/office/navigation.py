"""The office's navigation. Other apps append their entries here:

    from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
    NAVIGATION.append(NavigationEntry("registry:office-index", _("Registry")))

An entry shows only to users who hold its permission (`rules` names, see accounts/rules.py).
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavigationEntry:
    url_name: str
    label: Any
    permission: str = "office.enter"
    args: tuple = ()


NAVIGATION: list[NavigationEntry] = [
    NavigationEntry("office:dashboard", _("Dashboard")),
    NavigationEntry("office:partnerships", _("Partnerships"), "office.enter"),
    NavigationEntry("office:projects", _("Projects")),
    NavigationEntry("office:activities", _("Activities")),
    NavigationEntry("office:documents", _("Documents")),
    NavigationEntry("office:organisations", _("Organisations"), "actors.view_organisation"),
    NavigationEntry("office:people", _("People"), "actors.view_person"),
    NavigationEntry("office:place-names", _("Places"), "places.change_place"),
    NavigationEntry("office:trash", _("Trash"), "office.view_trash"),
    NavigationEntry("office:retention", _("Retention review"), "actors.erase_person"),
    NavigationEntry("office:users", _("Users"), "accounts.invite"),
    NavigationEntry("office:registry:matchmaking", _("Registry")),
    NavigationEntry("office:grants", _("Funding")),
    NavigationEntry("office:content", _("Pages and news"), "content.change_article"),
]
