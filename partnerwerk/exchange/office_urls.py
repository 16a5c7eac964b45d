"""The office pages of projects (calendar, money) and of open data, under /office/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerwerk.exchange import office_views as exchange
from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
from partnerwerk.projects import office_views as projects

urlpatterns = [
    path("calendar/", projects.calendar_month, name="calendar"),
    path("calendar/list/", projects.calendar_list, name="calendar-list"),
    path("money/", projects.money, name="money"),
    path("open-data/", exchange.open_data, name="open-data"),
    path("open-data/import/", exchange.import_page, name="import"),
    path("open-data/<slug:dataset>.<slug:format>", exchange.download, name="open-data-download"),
]

ENTRIES = [
    NavigationEntry("office:calendar", _("Calendar")),
    NavigationEntry("office:money", _("Money")),
    NavigationEntry("office:open-data", _("Open data")),
]
for _entry in ENTRIES:
    if _entry not in NAVIGATION:
        NAVIGATION.append(_entry)
