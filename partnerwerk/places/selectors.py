"""Reads of places: the home city.

A place page shows partnerships, projects and people, which live in apps above places: the list
of partner cities is read in partnerships/selectors.py, one partner city's page in
portal/selectors.py.
"""

from django.conf import settings

from partnerwerk.places.models import Place


def home_place() -> Place | None:
    """The municipality whose office runs this installation (PARTNERWERK_HOME_GEONAMES_ID)."""
    return Place.objects.filter(geonames_id=settings.PARTNERWERK_HOME_GEONAMES_ID).first()
