"""The office pages of projects' activities and money (calendar, money), under /office/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
from partnerwerk.office.views import calendar

urlpatterns = [
    path("calendar/", calendar.calendar_month, name="calendar"),
    path("calendar/list/", calendar.calendar_list, name="calendar-list"),
    path("money/", calendar.money, name="money"),
]

ENTRIES = [
    NavigationEntry("office:calendar", _("Calendar")),
    NavigationEntry("office:money", _("Money")),
]
for _entry in ENTRIES:
    if _entry not in NAVIGATION:
        NAVIGATION.append(_entry)
