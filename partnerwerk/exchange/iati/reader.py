"""Read an IATI 2.03 activity file: projects, their organisations, money, places and results.

The file is refused before anything is written when it declares a DTD or entities (an
entity expansion attack needs one), is not well-formed, or does not validate against the
2.03 schema; the message names the file and the line. Activities are matched by their
`partnerwerk:key` or, in files from elsewhere, by their identifier without the reporting
organisation's prefix; importing the same file twice changes nothing. Imported projects are
public: they were published in IATI already. The whole file is one transaction; a dry run
rolls it back.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring as defused_fromstring
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from lxml import etree

from partnerwerk.actors.models import Organisation
from partnerwerk.core.models import Visibility
from partnerwerk.exchange.iati import codes
from partnerwerk.exchange.iati.schema import schema_errors
from partnerwerk.exchange.importers import ImportPlan, RowOutcome
from partnerwerk.exchange.reference.geonames import city_facts
from partnerwerk.exchange.tables import MAX_FILE_BYTES, ImportFailure
from partnerwerk.partnerships.models import Theme
from partnerwerk.places.models import Place
from partnerwerk.projects.models import (
    Budget,
    IndicatorPeriod,
    Project,
    ProjectLocation,
    ProjectParticipant,
    Result,
    ResultIndicator,
    Transaction,
)
from partnerwerk.sdg.models import Goal, SdgTag, Target

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PW = f"{{{codes.NAMESPACE}}}"
KEY_LENGTH = 120


class _DryRun(Exception):
    pass


def parse(data: bytes, file: str) -> etree._Element:
    """The document, or an ImportFailure naming the file and the line."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailure(
            file, _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES >> 20}
        )
    try:
        defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise ImportFailure(
            file,
            _("The file declares a DTD or entities; IATI files have none, so it is refused."),
        ) from None
    except Exception as error:  # ParseError: not well-formed XML
        position = getattr(error, "position", None)
        raise ImportFailure(
            file,
            _("The file is not well-formed XML (%(error)s).") % {"error": error},
            row=position[0] if position else None,
        ) from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        document = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ImportFailure(
            file,
            _("The file is not well-formed XML (%(error)s).") % {"error": error.msg},
            row=error.lineno,
        ) from None
    if etree.QName(document).localname != "iati-activities":
        raise ImportFailure(
            file, _("The file is not an IATI activity file (<iati-activities>)."), row=1
        )
    errors = schema_errors(document)
    if errors:
        raise ImportFailure(
            file,
            _("The file does not validate against the IATI 2.03 schema: %(error)s")
            % {"error": errors[0]},
        )
    return document


def import_iati(data: bytes, file: str, *, dry_run: bool = False) -> ImportPlan:
    document = parse(data, file)
    plan = ImportPlan("iati", file, [])
    try:
        with transaction.atomic():
            reader = _Reader(document, file)
            for element in document.findall("iati-activity"):
                plan.outcomes.append(reader.activity(element))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return plan


# -- small helpers --------------------------------------------------------------------------


def _texts(element, default_language: str) -> dict[str, str]:
    """The narratives of an element by language."""
    texts = {}
    if element is None:
        return texts
    for narrative in element.findall("narrative"):
        language = narrative.get(XML_LANG) or default_language
        texts.setdefault(language[:2], (narrative.text or "").strip())
    return texts


def _iso(element, attribute: str = "iso-date") -> datetime.date | None:
    if element is None or not element.get(attribute):
        return None
    return datetime.date.fromisoformat(element.get(attribute)[:10])


def _precision(element) -> str:
    return element.get(PW + "precision") or "day"


def _decimal(text: str | None) -> Decimal | None:
    if text in (None, ""):
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None


@dataclass
class _Changes:
    created: bool = False
    changed: list | None = None

    def note(self, name: str) -> None:
        self.changed = [*(self.changed or []), name]


def _save(model, lookup: dict, values: dict, changes: _Changes, label: str):
    """Create or update one row; note what changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        changes.note(label)
        return obj
    different = [name for name, value in values.items() if getattr(obj, name) != value]
    if different:
        for name in different:
            setattr(obj, name, values[name])
        obj.save()
        changes.note(label)
    return obj


class _Reader:
    def __init__(self, document, file: str):
        self.file = file
        self.document = document

    def fail(self, element, field: str, message: str):
        raise ImportFailure(self.file, message, row=element.sourceline, field=field)

    # -- organisations ----------------------------------------------------------------------
    def organisation(self, element, language: str) -> Organisation:
        names = _texts(element, language)
        name = names.get(language) or names.get("de") or next(iter(names.values()), "")
        key = element.get(PW + "key")
        ref = element.get("ref") or ""
        found = None
        if key:
            found = Organisation.objects.filter(key=key).first()
        if found is None and ref:
            found = Organisation.objects.filter(iati_identifier=ref).first()
        if found is None and name:
            found = Organisation.objects.filter(name=name).first()
        if found is not None:
            return found
        if not name and not ref:
            self.fail(element, element.tag, _("The organisation has neither a name nor a ref."))
        key = key or slugify(name or ref)[:80] or "organisation"
        base, number = key, 2
        while Organisation.all_objects.filter(key=key).exists():
            key, number = f"{base[:75]}-{number}", number + 1
        english = names.get("en", "")
        return Organisation.objects.create(
            key=key,
            name=name or ref,
            name_en=english if english != name else "",
            kind=codes.ORGANISATION_KIND_READ.get(element.get("type") or "", "association"),
            iati_identifier=ref,
        )

    # -- one activity -----------------------------------------------------------------------
    def activity_key(self, element) -> str:
        key = element.get(PW + "key")
        if key:
            return key[:KEY_LENGTH]
        identifier = (element.findtext("iati-identifier") or "").strip()
        reporting = element.find("reporting-org")
        prefix = (reporting.get("ref") if reporting is not None else "") or ""
        if prefix and identifier.startswith(prefix + "-"):
            identifier = identifier[len(prefix) + 1 :]
        key = slugify(identifier)[:KEY_LENGTH]
        if not key:
            self.fail(element, "iati-identifier", _("The activity has no usable identifier."))
        return key

    def activity(self, element) -> RowOutcome:
        language = (element.get(XML_LANG) or "en")[:2]
        key = self.activity_key(element)
        titles = _texts(element.find("title"), language)
        descriptions = {}
        for description in element.findall("description"):
            if description.get("type", "1") == "1":
                descriptions = _texts(description, language)
                break
        status_code = element.find("activity-status").get("code")
        status = codes.ACTIVITY_STATUS_READ.get(status_code)
        if status is None:
            self.fail(
                element.find("activity-status"),
                "activity-status",
                _("“%(code)s” is not an activity status code.") % {"code": status_code},
            )
        values = {
            "title_de": titles.get("de") or titles.get(language) or next(iter(titles.values()), ""),
            "title_en": titles.get("en", ""),
            "summary_de": descriptions.get("de", ""),
            "summary_en": descriptions.get("en", ""),
            "status": status,
            "visibility": Visibility.PUBLIC,
            "start_date": None,
            "start_precision": "",
            "end_date": None,
            "end_precision": "",
        }
        if not values["title_de"]:
            self.fail(element.find("title"), "title", _("The activity has no title."))
        if language not in ("de", "en") and not values["summary_de"]:
            values["summary_de"] = descriptions.get(language, "")
        for date in sorted(element.findall("activity-date"), key=lambda item: item.get("type")):
            prefix = "start" if date.get("type") in ("1", "2") else "end"
            values[f"{prefix}_date"] = _iso(date)
            values[f"{prefix}_precision"] = _precision(date)
        if (
            values["start_date"]
            and values["end_date"]
            and values["end_date"] < values["start_date"]
        ):
            self.fail(element, "activity-date", _("The activity ends before it starts."))
        existing = Project.all_objects.filter(key=key).first()
        if existing is not None and existing.deleted_at:
            self.fail(
                element,
                "iati-identifier",
                _("The project “%(key)s” was deleted; restore it in the office first.")
                % {"key": key},
            )
        changes = _Changes(created=existing is None)
        project = _save(Project, {"key": key}, values, changes, "project")
        self.participants(element, project, language, changes)
        self.locations(element, project, changes)
        self.sectors(element, project, changes)
        self.tags(element, project, changes)
        self.budgets(element, project, changes)
        self.transactions(element, project, key, language, changes)
        self.results(element, project, language, changes)
        state = "created" if changes.created else "changed" if changes.changed else "unchanged"
        changed = sorted(set(changes.changed or [])) if state == "changed" else []
        return RowOutcome(element.sourceline, key, state, changed)

    def participants(self, element, project, language, changes) -> None:
        roles = codes.reverse(codes.PARTICIPANT_ROLE)
        wanted = set()
        for participant in element.findall("participating-org"):
            role = roles.get(participant.get("role"))
            if role is None:
                self.fail(
                    participant,
                    "participating-org/@role",
                    _("“%(code)s” is not an organisation role.")
                    % {"code": participant.get("role")},
                )
            organisation = self.organisation(participant, language)
            wanted.add((organisation.pk, role))
            if not ProjectParticipant.objects.filter(
                project=project, organisation=organisation, role=role
            ).exists():
                ProjectParticipant.objects.create(
                    project=project, organisation=organisation, role=role
                )
                changes.note("participants")

    def locations(self, element, project, changes) -> None:
        for location in element.findall("location"):
            place = None
            for location_id in location.findall("location-id"):
                if location_id.get("vocabulary") == "G1" and location_id.get("code", "").isdigit():
                    names = _texts(location.find("name"), "de")
                    place = self.place(int(location_id.get("code")), names)
            if place is None:
                continue  # a place without a GeoNames id cannot be told apart from its namesakes
            partner_places = {p.partner_id for p in project.partnerships.all()}
            if place.pk in partner_places:
                continue
            if not ProjectLocation.objects.filter(project=project, place=place).exists():
                ProjectLocation.objects.create(project=project, place=place)
                changes.note("locations")

    def place(self, geonames_id: int, names: dict) -> Place | None:
        """A known place, or one from GeoNames facts (offline) with the file's names."""
        place = Place.objects.filter(geonames_id=geonames_id).first()
        if place is None:
            facts = city_facts(geonames_id)
            if facts is None:
                return None
            place = Place.objects.create(
                geonames_id=geonames_id,
                **facts,
                name_de=names.get("de", "") if names.get("de") != facts["name"] else "",
                name_en=names.get("en", ""),
            )
        return place

    def sectors(self, element, project, changes) -> None:
        themes = []
        for sector in element.findall("sector"):
            if (
                sector.get("vocabulary") != "99"
                or sector.get("vocabulary-uri") != codes.THEME_VOCABULARY_URI
            ):
                continue
            code = slugify(sector.get("code", ""))[:60]
            names = _texts(sector, "de")
            theme = Theme.objects.filter(code=code).first() or Theme.objects.create(
                code=code, name_de=names.get("de") or code, name_en=names.get("en") or code
            )
            themes.append(theme)
        if themes and set(project.themes.all()) != set(themes):
            project.themes.set(themes)
            changes.note("themes")

    def tags(self, element, project, changes) -> None:
        for tag in element.findall("tag"):
            vocabulary, code = tag.get("vocabulary"), tag.get("code", "")
            if vocabulary == "2":
                goal = Goal.objects.filter(number=int(code)).first() if code.isdigit() else None
                if goal is None:
                    self.fail(tag, "tag/@code", _("“%(code)s” is not an SDG.") % {"code": code})
                lookup = {"project": project, "goal": goal, "target": None}
            elif vocabulary == "3":
                target = Target.objects.filter(code=code).first()
                if target is None:
                    self.fail(
                        tag, "tag/@code", _("“%(code)s” is not an SDG target.") % {"code": code}
                    )
                lookup = {"project": project, "goal_id": target.goal_id, "target": target}
            else:
                continue
            if not SdgTag.objects.filter(**lookup).exists():
                SdgTag.objects.create(**lookup)
                changes.note("sdgs")

    def budgets(self, element, project, changes) -> None:
        kinds, statuses = codes.reverse(codes.BUDGET_TYPE), codes.reverse(codes.BUDGET_STATUS)
        for budget in element.findall("budget"):
            value = budget.find("value")
            start, end = _iso(budget.find("period-start")), _iso(budget.find("period-end"))
            if end < start:
                self.fail(budget, "budget/period-end", _("The period ends before it starts."))
            amount = _decimal(value.text)
            if amount is None or amount < 0:
                self.fail(value, "budget/value", _("The budget has no valid amount."))
            _save(
                Budget,
                {
                    "project": project,
                    "kind": kinds.get(budget.get("type", "1"), "original"),
                    "period_start": start,
                    "period_end": end,
                },
                {
                    "status": statuses.get(budget.get("status", "1"), "indicative"),
                    "amount": amount.quantize(Decimal("0.01")),
                    "currency": value.get("currency") or element.get("default-currency") or "EUR",
                    "value_date": _iso(value, "value-date")
                    if _iso(value, "value-date") != start
                    else None,
                },
                changes,
                "budgets",
            )

    def transactions(self, element, project, key, language, changes) -> None:
        for number, item in enumerate(element.findall("transaction"), start=1):
            value = item.find("value")
            amount = _decimal(value.text)
            if amount is None or amount < 0:
                self.fail(value, "transaction/value", _("The transaction has no valid amount."))
            kind = item.get(PW + "kind") or codes.TRANSACTION_TYPE_READ.get(
                item.find("transaction-type").get("code")
            )
            if kind not in codes.TRANSACTION_TYPE:
                self.fail(
                    item.find("transaction-type"),
                    "transaction-type",
                    _("The transaction type “%(code)s” cannot be imported.")
                    % {"code": item.find("transaction-type").get("code")},
                )
            date_element = item.find("transaction-date")
            currency = value.get("currency") or element.get("default-currency") or "EUR"
            amount_eur = _decimal(value.get(PW + "amount-eur"))
            value_date = _iso(value, "value-date")
            descriptions = _texts(item.find("description"), language)
            provider = item.find("provider-org")
            receiver = item.find("receiver-org")
            transaction_key = slugify(item.get("ref") or f"{key}-transaction-{number}")[:120]
            _save(
                Transaction,
                {"key": transaction_key},
                {
                    "project": project,
                    "activity": None,
                    "kind": kind,
                    "date": _iso(date_element),
                    "date_precision": _precision(date_element),
                    "amount": amount.quantize(Decimal("0.01")),
                    "currency": currency,
                    "amount_eur": amount_eur if currency != "EUR" else None,
                    # The value date is the transaction date unless an exchange date was kept.
                    "value_date": value_date
                    if amount_eur is not None or value_date != _iso(date_element)
                    else None,
                    "description_de": descriptions.get("de", ""),
                    "description_en": descriptions.get("en", ""),
                    "provider": self.organisation(provider, language)
                    if provider is not None
                    else None,
                    "receiver": self.organisation(receiver, language)
                    if receiver is not None
                    else None,
                    "visibility": Visibility.PUBLIC,
                },
                changes,
                "transactions",
            )

    def results(self, element, project, language, changes) -> None:
        kinds, measures = codes.reverse(codes.RESULT_TYPE), codes.reverse(codes.MEASURE)
        for item in element.findall("result"):
            titles = _texts(item.find("title"), language)
            descriptions = _texts(item.find("description"), language)
            result = _save(
                Result,
                {
                    "project": project,
                    "kind": kinds.get(item.get("type"), "other"),
                    "title_de": titles.get("de") or next(iter(titles.values()), ""),
                },
                {
                    "title_en": titles.get("en", ""),
                    "description_de": descriptions.get("de", ""),
                    "description_en": descriptions.get("en", ""),
                },
                changes,
                "results",
            )
            for indicator_element in item.findall("indicator"):
                if indicator_element.get(PW + "implicit") == "true":
                    continue
                self.indicator(indicator_element, result, language, measures, changes)

    def indicator(self, element, result, language, measures, changes) -> None:
        titles = _texts(element.find("title"), language)
        baseline = element.find("baseline")
        indicator = _save(
            ResultIndicator,
            {"result": result, "title_de": titles.get("de") or next(iter(titles.values()), "")},
            {
                "title_en": titles.get("en", ""),
                "measure": measures.get(element.get("measure"), "unit"),
                "ascending": element.get("ascending", "1") in ("1", "true"),
                "baseline_year": int(baseline.get("year")) if baseline is not None else None,
                "baseline_value": _decimal(baseline.get("value")) if baseline is not None else None,
            },
            changes,
            "results",
        )
        for period in element.findall("period"):
            target, actual = period.find("target"), period.find("actual")
            target_value = _decimal(target.get("value")) if target is not None else None
            actual_value = _decimal(actual.get("value")) if actual is not None else None
            if target_value is None and actual_value is None:
                continue
            start, end = _iso(period.find("period-start")), _iso(period.find("period-end"))
            if end < start:
                self.fail(period, "period/period-end", _("The period ends before it starts."))
            _save(
                IndicatorPeriod,
                {"indicator": indicator, "period_start": start, "period_end": end},
                {"target_value": target_value, "actual_value": actual_value},
                changes,
                "results",
            )
