"""Records as plain, JSON-ready dicts: the one shape shared by the exports and the API.

Vocabularies appear as their stable codes, records as their keys, dates with their precision
("2011", "2023-02", "2024-05-14"). The functions expect the querysets of
`partnerwerk.exchange.selectors`, which fetch everything read here in advance; they never
reveal an internal record, even one linked from a public record.
"""

from partnerwerk.core.dates import format_partial_date


def _text_or_none(value: str) -> str | None:
    return value or None


def source_to_dict(source) -> dict:
    return {
        "key": source.key,
        "title": source.title,
        "url": _text_or_none(source.url),
        "seed_file": _text_or_none(source.seed_file),
    }


def _sources(record) -> list[dict]:
    return [source_to_dict(source) for source in record.sources.all()]


def _themes(record) -> list[str]:
    return sorted(theme.code for theme in record.themes.all())


def _sdgs(record) -> list[int]:
    return sorted({tag.goal_id for tag in record.sdg_tags.all()})


def _partnership_keys(record) -> list[str]:
    # The selectors prefetch only public partnerships here.
    return [partnership.key for partnership in record.partnerships.all()]


def _involvements(record) -> list[dict]:
    return [
        {
            "role": involvement.role,
            "organisation": involvement.organisation.key if involvement.organisation else None,
            "person": involvement.person.key if involvement.person else None,
        }
        for involvement in record.involvements.all()
    ]


def _key_if_public(record) -> str | None:
    if record is None or not record.is_public:
        return None
    return record.key


def place_reference(place) -> dict | None:
    """The few facts another record needs to locate a place on a map."""
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country.code,
        "geonames_id": place.geonames_id,
        "lat": place.latitude,
        "lon": place.longitude,
    }


def place_to_dict(place) -> dict:
    return {
        "geonames_id": place.geonames_id,
        "wikidata_id": _text_or_none(place.wikidata_id),
        "name": place.name,
        "name_native": place.name_native,
        "name_de": place.name_de,
        "name_en": place.name_en,
        "country": place.country.code,
        "continent": place.continent,
        "region": place.region,
        "population": place.population,
        "population_year": place.population_year,
        "lat": place.latitude,
        "lon": place.longitude,
        "description_de": place.description_de,
        "description_en": place.description_en,
        "sources": _sources(place),
    }


def step_to_dict(step) -> dict:
    return {
        "date": format_partial_date(step.date, step.date_precision),
        "type": step.kind,
        "status_after": _text_or_none(step.status_after),
        # True when the date is that of the report, not of the event (which no source gives).
        "dated_by_report": step.dated_by_report,
        "note": step.note_de,
    }


def partnership_to_dict(partnership) -> dict:
    return {
        "id": partnership.key,
        "kind": partnership.kind,
        "status": partnership.status,
        "since": format_partial_date(partnership.since, partnership.since_precision),
        "origin": partnership.origin,
        "home": place_reference(partnership.home),
        "partner": place_reference(partnership.partner),
        "succeeds": _key_if_public(partnership.succeeds),
        "description_de": partnership.description_de,
        "description_en": partnership.description_en,
        "steps": [step_to_dict(step) for step in partnership.steps.all()],
        "themes": _themes(partnership),
        "sdgs": _sdgs(partnership),
        "sources": _sources(partnership),
    }


def organisation_to_dict(organisation) -> dict:
    # The postal address stays out: for a small association it may be someone's home.
    return {
        "id": organisation.key,
        "name": organisation.name,
        "name_en": organisation.name_en,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "parent": organisation.parent.key if organisation.parent else None,
        "place": place_reference(organisation.place),
        "website": _text_or_none(organisation.website),
        "iati_identifier": _text_or_none(organisation.iati_identifier),
        "description_de": organisation.description_de,
        "description_en": organisation.description_en,
        "sources": _sources(organisation),
    }


def person_to_dict(person) -> dict:
    # Contact data only for a person the office may name in public; the selector already
    # leaves internal people out, this guards a caller that passes one in anyway.
    public = person.is_public
    return {
        "id": person.key,
        "name": person.name,
        "honorific": person.honorific,
        "function_de": person.function_de,
        "function_en": person.function_en,
        "organisation": person.organisation.key if person.organisation else None,
        "email": _text_or_none(person.email) if public else None,
        "phone": _text_or_none(person.phone) if public else None,
        "sources": _sources(person) if public else [],
    }


def project_to_dict(project) -> dict:
    return {
        "id": project.key,
        "title_de": project.title_de,
        "title_en": project.title_en,
        "summary_de": project.summary_de,
        "summary_en": project.summary_en,
        "status": project.status,
        "start": format_partial_date(project.start_date, project.start_precision),
        "end": format_partial_date(project.end_date, project.end_precision),
        "programme": project.programme.key if project.programme else None,
        "partnerships": _partnership_keys(project),
        "themes": _themes(project),
        "sdgs": _sdgs(project),
        "involvements": _involvements(project),
        "sources": _sources(project),
    }


def activity_to_dict(activity) -> dict:
    return {
        "id": activity.key,
        "title_de": activity.title_de,
        "title_en": activity.title_en,
        "kind": activity.kind,
        "description_de": activity.description_de,
        "description_en": activity.description_en,
        "start": format_partial_date(activity.start_date, activity.start_precision),
        "end": format_partial_date(activity.end_date, activity.end_precision),
        "place": place_reference(activity.place),
        "location": activity.location_text,
        "project": _key_if_public(activity.project),
        "partnerships": _partnership_keys(activity),
        "themes": _themes(activity),
        "sdgs": _sdgs(activity),
        "involvements": _involvements(activity),
        "sources": _sources(activity),
    }


def _decimal_text(value) -> str | None:
    return None if value is None else f"{value:.2f}"


def transaction_to_dict(transaction) -> dict:
    # Amounts as strings: a JSON number would turn 0.10 into a float.
    return {
        "id": transaction.key,
        "kind": transaction.kind,
        "date": format_partial_date(transaction.date, transaction.date_precision),
        "amount": _decimal_text(transaction.amount),
        "currency": transaction.currency,
        "exchange_date": transaction.value_date.isoformat() if transaction.value_date else None,
        "amount_eur": _decimal_text(transaction.amount_in_euros),
        "project": _key_if_public(transaction.project),
        "activity": _key_if_public(transaction.activity),
        "provider": transaction.provider.key if transaction.provider else None,
        "receiver": transaction.receiver.key if transaction.receiver else None,
        "description_de": transaction.description_de,
        "description_en": transaction.description_en,
        "sources": _sources(transaction),
    }
