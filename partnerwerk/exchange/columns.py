"""Column names of the flat exports in English (their codes) and in German.

The exports write the codes (`title_de`, `partner_geonames_id`) or, on request, German
headings ("Titel (deutsch)", "Partnerstadt: GeoNames-ID"); the importer accepts either, in
any letter case, so a spreadsheet edited in a German office imports as it is.
"""

WORDS = {
    "id": "Kennung",
    "kind": "Art",
    "status": "Status",
    "since": "seit",
    "origin": "Herkunft",
    "home": "Heimatstadt",
    "partner": "Partnerstadt",
    "place": "Ort",
    "name": "Name",
    "country": "Land",
    "geonames_id": "GeoNames-ID",
    "lat": "Breitengrad",
    "lon": "Längengrad",
    "succeeds": "folgt auf",
    "description": "Beschreibung",
    "steps": "Schritte",
    "themes": "Themen",
    "sdgs": "SDGs",
    "sources": "Quellen",
    "title": "Titel",
    "summary": "Zusammenfassung",
    "start": "Beginn",
    "end": "Ende",
    "programme": "Programm",
    "partnerships": "Partnerschaften",
    "involvements": "Beteiligte",
    "location": "Ortsangabe",
    "project": "Projekt",
    "activity": "Aktivität",
    "amount": "Betrag",
    "currency": "Währung",
    "exchange_date": "Umrechnungsdatum",
    "amount_eur": "Betrag in Euro",
    "provider": "Geber",
    "receiver": "Empfänger",
    "date": "Datum",
    "short_name": "Kurzname",
    "parent": "übergeordnete Organisation",
    "website": "Website",
    "iati_identifier": "IATI-Kennung",
    "wikidata_id": "Wikidata-ID",
    "name_native": "Name in Landessprache",
    "continent": "Kontinent",
    "region": "Region",
    "population": "Einwohner",
    "population_year": "Einwohner (Jahr)",
    "honorific": "Anrede oder Titel",
    "function": "Funktion",
    "organisation": "Organisation",
    "email": "E-Mail",
    "phone": "Telefon",
    "visibility": "Sichtbarkeit",
}
LANGUAGES = {"de": "deutsch", "en": "englisch"}
PREFIXES = ("home", "partner", "place")


# The suffix of an XLSX reading column (`kind_name`, the label beside the code `kind`).
READING_SUFFIX = "_name"


def german_heading(code: str) -> str:
    """The German heading of a column code: `title_de` → "Titel (deutsch)", the reading
    column `kind_name` → "Art (Klartext)"."""
    if code in WORDS:
        return WORDS[code]
    base, _sep, suffix = code.rpartition("_")
    if suffix in LANGUAGES and base in WORDS:
        return f"{WORDS[base]} ({LANGUAGES[suffix]})"
    prefix, _sep, rest = code.partition("_")
    if prefix in PREFIXES and rest in WORDS:
        return f"{WORDS[prefix]}: {WORDS[rest]}"
    if code.endswith(READING_SUFFIX) and code.removesuffix(READING_SUFFIX) in WORDS:
        return f"{WORDS[code.removesuffix(READING_SUFFIX)]} (Klartext)"
    return code


def normalise(heading: str) -> str:
    return " ".join(str(heading).split()).casefold()


def heading_lookup(codes) -> dict[str, str]:
    """Normalised English and German headings → the column code."""
    lookup = {}
    for code in codes:
        lookup[normalise(code)] = code
        lookup[normalise(german_heading(code))] = code
    return lookup
