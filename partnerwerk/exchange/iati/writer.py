"""Write the public projects as an IATI 2.03 activity file, and the city as an organisation file.

A project becomes an activity only when it has what the schema requires and we know: a
dated start or end, a summary and at least one participating organisation. The others are
left out with the reason (`IatiExport.left_out`); nothing is made up to fill a gap. An
in-kind contribution without a value and an undated transaction are left out likewise.
Partnerwerk's own details that IATI has no place for (a date's precision, the kind of a
transaction, record keys) travel as attributes in the `partnerwerk:` namespace, which IATI
allows, so an import restores them.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from partnerwerk.exchange import selectors
from partnerwerk.exchange.iati import codes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PW = f"{{{codes.NAMESPACE}}}"
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"


@dataclass
class IatiExport:
    document: etree._Element
    activities: int = 0
    left_out: list[str] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        return etree.tostring(
            self.document, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )


def reporting_org_id() -> str:
    return settings.PARTNERWERK_IATI_ORG_ID


def activity_identifier(key: str) -> str:
    return f"{reporting_org_id()}-{key}"


def _sub(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(
        parent, tag, {k.replace("_", "-"): v for k, v in attributes.items() if v is not None}
    )
    if text is not None:
        element.text = text
    return element


def _narratives(parent, tag: str, german: str, english: str = "") -> etree._Element | None:
    """An element with a German narrative (the file's default language) and an English one."""
    if not german and not english:
        return None
    element = _sub(parent, tag)
    if german:
        _sub(element, "narrative", german)
    if english:
        _sub(element, "narrative", english).set(XML_LANG, "en")
    return element


def _reporting_org(parent) -> None:
    element = _sub(
        parent, "reporting-org", ref=reporting_org_id(), type=settings.PARTNERWERK_IATI_ORG_TYPE
    )
    _sub(element, "narrative", settings.PARTNERWERK_IATI_ORG_NAME)


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f") if value is not None else ""


def _root(tag: str) -> etree._Element:
    root = etree.Element(tag, nsmap={"partnerwerk": codes.NAMESPACE})
    root.set("version", codes.IATI_VERSION)
    root.set("generated-datetime", timezone.now().replace(microsecond=0).isoformat())
    return root


# -- activities -----------------------------------------------------------------------------


def participating_organisations(project) -> list[tuple]:
    """(organisation, role) pairs: the explicit ones, then those the involvements imply."""
    pairs = OrderedDict()
    for participant in project.participants.all():
        pairs[(participant.organisation.pk, participant.role)] = (
            participant.organisation,
            participant.role,
        )
    for involvement in project.involvements.all():
        role = codes.INVOLVEMENT_ROLE.get(involvement.role)
        if role and involvement.organisation:
            pairs.setdefault((involvement.organisation.pk, role), (involvement.organisation, role))
    order = list(codes.PARTICIPANT_ROLE)
    return sorted(pairs.values(), key=lambda pair: (order.index(pair[1]), pair[0].key))


def project_places(project) -> list:
    """The project's own locations and the partner cities of its public partnerships."""
    places = OrderedDict()
    for location in project.locations.all():
        places[location.place.pk] = location.place
    for partnership in project.partnerships.all():
        places.setdefault(partnership.partner.pk, partnership.partner)
    return sorted(places.values(), key=lambda place: (place.geonames_id or 0, place.name))


def project_transactions(project) -> list:
    transactions = list(project.public_transactions)
    for activity in project.activities.all():
        transactions += activity.public_transactions
    return sorted(transactions, key=lambda item: item.key)


def _organisation(parent, tag: str, organisation, **attributes) -> None:
    element = _sub(
        parent,
        tag,
        ref=organisation.iati_identifier or None,
        type=codes.ORGANISATION_TYPE.get(organisation.kind),
        **attributes,
    )
    element.set(PW + "key", organisation.key)
    _sub(element, "narrative", organisation.name)
    if organisation.name_en and organisation.name_en != organisation.name:
        _sub(element, "narrative", organisation.name_en).set(XML_LANG, "en")


def _date(parent, tag: str, day: datetime.date, precision: str, **attributes) -> None:
    element = _sub(parent, tag, iso_date=day.isoformat(), **attributes)
    if precision and precision != "day":
        element.set(PW + "precision", precision)


def _why_not(project) -> str | None:
    if not (project.start_date or project.end_date):
        return _("it has no start or end date")
    if not (project.summary_de or project.summary_en):
        return _("it has no summary")
    if not participating_organisations(project):
        return _("no participating organisation is known")
    return None


def write_activity(parent, project, left_out: list[str]) -> None:
    activity = _sub(parent, "iati-activity", default_currency="EUR")
    activity.set(XML_LANG, "de")
    activity.set(PW + "key", project.key)
    _sub(activity, "iati-identifier", activity_identifier(project.key))
    _reporting_org(activity)
    _narratives(activity, "title", project.title_de, project.title_en)
    _narratives(activity, "description", project.summary_de, project.summary_en).set("type", "1")
    for organisation, role in participating_organisations(project):
        _organisation(
            activity, "participating-org", organisation, role=codes.PARTICIPANT_ROLE[role]
        )
    _sub(activity, "activity-status", code=codes.ACTIVITY_STATUS[project.status])
    if project.start_date:
        kind = "2" if project.status in codes.STARTED else "1"
        _date(activity, "activity-date", project.start_date, project.start_precision, type=kind)
    if project.end_date:
        kind = "4" if project.status in codes.ENDED else "3"
        _date(activity, "activity-date", project.end_date, project.end_precision, type=kind)
    for place in project_places(project):
        _location(activity, place)
    _sectors(activity, project)
    _tags(activity, project)
    for budget in project.budgets.all():
        element = _sub(
            activity,
            "budget",
            type=codes.BUDGET_TYPE[budget.kind],
            status=codes.BUDGET_STATUS[budget.status],
        )
        _sub(element, "period-start", iso_date=budget.period_start.isoformat())
        _sub(element, "period-end", iso_date=budget.period_end.isoformat())
        value_date = budget.value_date or budget.period_start
        _sub(
            element,
            "value",
            _money(budget.amount),
            currency=budget.currency,
            value_date=value_date.isoformat(),
        )
    for transaction in project_transactions(project):
        _transaction(activity, project, transaction, left_out)
    for result in project.results.all():
        _result(activity, result)


def _location(parent, place) -> None:
    element = _sub(
        parent, "location", ref=f"geonames-{place.geonames_id}" if place.geonames_id else None
    )
    _sub(element, "location-reach", code="1")  # the activity happens here
    if place.geonames_id:
        _sub(element, "location-id", vocabulary="G1", code=str(place.geonames_id))
    _narratives(element, "name", place.name_de or place.name, place.name_en)
    if place.latitude is not None and place.longitude is not None:
        point = _sub(element, "point", srsName=WGS84)
        _sub(point, "pos", f"{place.latitude} {place.longitude}")
        _sub(element, "exactness", code="1")
    _sub(element, "location-class", code="2")  # a populated place
    _sub(element, "feature-designation", code="PPL")


def _percentages(count: int) -> list[str]:
    """`count` shares summing to exactly 100 with two decimals."""
    share = (Decimal(100) / count).quantize(Decimal("0.01"))
    shares = [share] * count
    shares[-1] = Decimal(100) - share * (count - 1)
    return [_money(value) for value in shares]


def _sectors(parent, project) -> None:
    themes = sorted(project.themes.all(), key=lambda theme: theme.code)
    dac = sorted(
        {codes.THEME_SECTOR[theme.code] for theme in themes if theme.code in codes.THEME_SECTOR}
    )
    for code, percentage in zip(dac, _percentages(len(dac)) if dac else [], strict=True):
        _sub(parent, "sector", vocabulary="1", code=code, percentage=percentage)
    for theme, percentage in zip(themes, _percentages(len(themes)) if themes else [], strict=True):
        element = _sub(
            parent,
            "sector",
            vocabulary="99",
            vocabulary_uri=codes.THEME_VOCABULARY_URI,
            code=theme.code,
            percentage=percentage,
        )
        _sub(element, "narrative", theme.name_de)
        if theme.name_en:
            _sub(element, "narrative", theme.name_en).set(XML_LANG, "en")


def _tags(parent, project) -> None:
    tags = list(project.sdg_tags.all())
    for goal in sorted({tag.goal_id for tag in tags}):
        _sub(parent, "tag", vocabulary="2", code=str(goal))
    targets = sorted({tag.target_id for tag in tags if tag.target_id}, key=_target_order)
    for target in targets:
        _sub(parent, "tag", vocabulary="3", code=target)


def _target_order(code: str) -> tuple:
    goal, _dot, target = code.partition(".")
    return (int(goal), (0, int(target)) if target.isdigit() else (1, target))


def _transaction(parent, project, transaction, left_out: list[str]) -> None:
    if transaction.amount is None:
        left_out.append(
            _("%(project)s: transaction %(key)s has no value.")
            % {"project": project.key, "key": transaction.key}
        )
        return
    if transaction.date is None:
        left_out.append(
            _("%(project)s: transaction %(key)s has no date.")
            % {"project": project.key, "key": transaction.key}
        )
        return
    element = _sub(parent, "transaction", ref=transaction.key)
    element.set(PW + "kind", transaction.kind)
    _sub(element, "transaction-type", code=codes.TRANSACTION_TYPE[transaction.kind])
    _date(element, "transaction-date", transaction.date, transaction.date_precision)
    value_date = transaction.value_date or transaction.date
    value = _sub(
        element,
        "value",
        _money(transaction.amount),
        currency=transaction.currency,
        value_date=value_date.isoformat(),
    )
    if transaction.amount_eur is not None:
        value.set(PW + "amount-eur", _money(transaction.amount_eur))
    _narratives(element, "description", transaction.description_de, transaction.description_en)
    if transaction.provider:
        _organisation(element, "provider-org", transaction.provider)
    if transaction.receiver:
        _organisation(element, "receiver-org", transaction.receiver)


def _result(parent, result) -> None:
    element = _sub(parent, "result", type=codes.RESULT_TYPE[result.kind])
    _narratives(element, "title", result.title_de, result.title_en)
    _narratives(element, "description", result.description_de, result.description_en)
    indicators = list(result.indicators.all())
    if not indicators:
        # The schema wants an indicator; a result without one is described by its title.
        indicators_element = _sub(element, "indicator", measure="5")
        _narratives(indicators_element, "title", result.title_de, result.title_en)
        indicators_element.set(PW + "implicit", "true")
        return
    for indicator in indicators:
        item = _sub(
            element,
            "indicator",
            measure=codes.MEASURE[indicator.measure],
            ascending="1" if indicator.ascending else "0",
        )
        _narratives(item, "title", indicator.title_de, indicator.title_en)
        if indicator.baseline_year:
            baseline = _sub(item, "baseline", year=str(indicator.baseline_year))
            if indicator.baseline_value is not None:
                baseline.set("value", _decimal(indicator.baseline_value))
        for period in indicator.periods.all():
            period_element = _sub(item, "period")
            _sub(period_element, "period-start", iso_date=period.period_start.isoformat())
            _sub(period_element, "period-end", iso_date=period.period_end.isoformat())
            if period.target_value is not None:
                _sub(period_element, "target", value=_decimal(period.target_value))
            if period.actual_value is not None:
                _sub(period_element, "actual", value=_decimal(period.actual_value))


def export_activities() -> IatiExport:
    root = _root("iati-activities")
    export = IatiExport(root)
    for project in selectors.iati_project_list():
        reason = _why_not(project)
        if reason:
            export.left_out.append(
                _("%(project)s: left out because %(reason)s.")
                % {"project": project.key, "reason": reason}
            )
            continue
        write_activity(root, project, export.left_out)
        export.activities += 1
    return export


# -- the organisation file ------------------------------------------------------------------


def export_organisation() -> IatiExport:
    """The city as an IATI organisation, with its public projects' budgets per calendar year."""
    root = _root("iati-organisations")
    organisation = _sub(root, "iati-organisation", default_currency="EUR")
    organisation.set(XML_LANG, "de")
    _sub(organisation, "organisation-identifier", reporting_org_id())
    name = _sub(organisation, "name")
    _sub(name, "narrative", settings.PARTNERWERK_IATI_ORG_NAME)
    _reporting_org(organisation)
    for year, total in selectors.public_budget_totals_per_year():
        budget = _sub(organisation, "total-budget", status="1")
        _sub(budget, "period-start", iso_date=f"{year:04d}-01-01")
        _sub(budget, "period-end", iso_date=f"{year:04d}-12-31")
        _sub(budget, "value", _money(total), currency="EUR", value_date=f"{year:04d}-01-01")
    return IatiExport(root, activities=1)
