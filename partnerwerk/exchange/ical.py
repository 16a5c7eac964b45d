"""Public activities as iCalendar (RFC 5545) feeds: all of them, or those of one partnership.

Only activities dated to the day are events; one known only by month or year would sit on
the calendar as a false "1 April". An activity without a time is an all-day event; with a
time it is a timed event in Europe/Berlin, and the feed carries that time zone's VTIMEZONE.
UIDs are built from the activity's key, which never changes once published, and DTSTAMP is
the activity's last change, so the same data always gives the same feed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar, Event, Timezone

from partnerwerk.core.models import localized
from partnerwerk.projects.selectors import public_calendar_activities

TIME_ZONE = "Europe/Berlin"
BERLIN = ZoneInfo(TIME_ZONE)
LANGUAGES = ("de", "en")


def feed_language(value: str | None) -> str:
    """The language a feed was asked for (?lang=), German when it is none of ours."""
    return value if value in LANGUAGES else "de"


def uid(activity) -> str:
    return f"activity-{activity.key}@partnerwerk-{settings.PARTNERWERK_HOME_GEONAMES_ID}"


def _event(activity, base_url: str, language: str) -> Event:
    event = Event()
    event.add("uid", uid(activity))
    event.add("dtstamp", activity.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", activity.updated_at.astimezone(datetime.UTC))
    event.add("summary", localized(activity, "title", language))
    description = localized(activity, "description", language)
    if description:
        event.add("description", description)
    place = activity.place.display_name if activity.place else ""
    location = ", ".join(part for part in (activity.location_text, place) if part)
    if location:
        event.add("location", location)
    if activity.place and activity.place.latitude is not None:
        event.add("geo", (activity.place.latitude, activity.place.longitude))
    end_day = activity.end_date if activity.end_precision == "day" else None
    if activity.start_time:
        start = datetime.datetime.combine(activity.start_date, activity.start_time, BERLIN)
        event.add("dtstart", start)
        if activity.end_time:
            event.add(
                "dtend",
                datetime.datetime.combine(
                    end_day or activity.start_date, activity.end_time, BERLIN
                ),
            )
    else:
        event.add("dtstart", activity.start_date)
        # The end of an all-day event is exclusive: the day after the last day.
        event.add("dtend", (end_day or activity.start_date) + datetime.timedelta(days=1))
    with translation.override(language):
        path = reverse("portal:activity", kwargs={"key": activity.key})
    event.add("url", base_url.rstrip("/") + path)
    event.add("categories", [activity.get_kind_display()])
    event.add("class", "PUBLIC")
    return event


def calendar_for(activities: QuerySet, *, name: str, base_url: str, language: str = "de") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Partnerwerk//Activities//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    calendar.add_component(Timezone.from_tzid(TIME_ZONE))
    with translation.override(language):
        for activity in activities:
            calendar.add_component(_event(activity, base_url, language))
    return calendar.to_ical()


def public_feed(*, base_url: str, language: str = "de", partnership=None) -> bytes:
    activities = public_calendar_activities(partnership=partnership)
    with translation.override(language):
        if partnership is None:
            name = translation.gettext("Activities of the city's partnerships")
        else:
            name = translation.gettext("Activities: %(partnership)s") % {
                "partnership": str(partnership)
            }
    return calendar_for(activities, name=name, base_url=base_url, language=language)
