"""The registry's one setting, PARTNERWERK_REGISTRY_MODE (read in settings.py).

PARTNERWERK_REGISTRY_MODE=on makes an installation a registry (a national association, the
CEMR section): every municipality is shown alike and matchmaking works for any city, not only
the home municipality of PARTNERWERK_HOME_GEONAMES_ID.
"""

from django.conf import settings


def registry_mode() -> bool:
    return settings.PARTNERWERK_REGISTRY_MODE
