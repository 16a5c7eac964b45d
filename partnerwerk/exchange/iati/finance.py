"""Reading an IATI activity's budgets, transactions and results into its project, each
written by the projects app's services (decision 0022). `reader` is the ActivityReader: it
names the file in a failure and finds or adds the organisations."""

from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnerwerk.core.models import Visibility
from partnerwerk.exchange.iati import codes
from partnerwerk.exchange.iati.elements import PW, _decimal, _iso, _precision, _texts
from partnerwerk.projects import services_import as project_services


def budgets(reader, element, project, changes) -> None:
    kinds, statuses = codes.reverse(codes.BUDGET_TYPE), codes.reverse(codes.BUDGET_STATUS)
    for budget in element.findall("budget"):
        value = budget.find("value")
        start, end = _iso(budget.find("period-start")), _iso(budget.find("period-end"))
        if end < start:
            reader.fail(budget, "budget/period-end", _("The period ends before it starts."))
        amount = _decimal(value.text)
        if amount is None or amount < 0:
            reader.fail(value, "budget/value", _("The budget has no valid amount."))
        _budget, state = project_services.budget_upsert(
            project=project,
            kind=kinds.get(budget.get("type", "1"), "original"),
            period_start=start,
            period_end=end,
            status=statuses.get(budget.get("status", "1"), "indicative"),
            amount=amount.quantize(Decimal("0.01")),
            currency=value.get("currency") or element.get("default-currency") or "EUR",
            value_date=_iso(value, "value-date") if _iso(value, "value-date") != start else None,
        )
        changes.record("budgets", state)


def transactions(reader, element, project, key, language, changes) -> None:
    for number, item in enumerate(element.findall("transaction"), start=1):
        value = item.find("value")
        amount = _decimal(value.text)
        if amount is None or amount < 0:
            reader.fail(value, "transaction/value", _("The transaction has no valid amount."))
        kind = item.get(PW + "kind") or codes.TRANSACTION_TYPE_READ.get(
            item.find("transaction-type").get("code")
        )
        if kind not in codes.TRANSACTION_TYPE:
            reader.fail(
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
        _transaction, state = project_services.transaction_upsert(
            key=slugify(item.get("ref") or f"{key}-transaction-{number}")[:120],
            project=project,
            activity=None,
            kind=kind,
            date=_iso(date_element),
            date_precision=_precision(date_element),
            amount=amount.quantize(Decimal("0.01")),
            currency=currency,
            amount_eur=amount_eur if currency != "EUR" else None,
            # The value date is the transaction date unless an exchange date was kept.
            value_date=value_date
            if amount_eur is not None or value_date != _iso(date_element)
            else None,
            description_de=descriptions.get("de", ""),
            description_en=descriptions.get("en", ""),
            provider=reader.organisation(provider, language) if provider is not None else None,
            receiver=reader.organisation(receiver, language) if receiver is not None else None,
            visibility=Visibility.PUBLIC,
        )
        changes.record("transactions", state)


def results(reader, element, project, language, changes) -> None:
    kinds, measures = codes.reverse(codes.RESULT_TYPE), codes.reverse(codes.MEASURE)
    for item in element.findall("result"):
        titles = _texts(item.find("title"), language)
        descriptions = _texts(item.find("description"), language)
        result, state = project_services.result_upsert(
            project=project,
            kind=kinds.get(item.get("type"), "other"),
            title_de=titles.get("de") or next(iter(titles.values()), ""),
            title_en=titles.get("en", ""),
            description_de=descriptions.get("de", ""),
            description_en=descriptions.get("en", ""),
        )
        changes.record("results", state)
        for indicator_element in item.findall("indicator"):
            if indicator_element.get(PW + "implicit") == "true":
                continue
            indicator(reader, indicator_element, result, language, measures, changes)


def indicator(reader, element, result, language, measures, changes) -> None:
    titles = _texts(element.find("title"), language)
    baseline = element.find("baseline")
    record, state = project_services.result_indicator_upsert(
        result=result,
        title_de=titles.get("de") or next(iter(titles.values()), ""),
        title_en=titles.get("en", ""),
        measure=measures.get(element.get("measure"), "unit"),
        ascending=element.get("ascending", "1") in ("1", "true"),
        baseline_year=int(baseline.get("year")) if baseline is not None else None,
        baseline_value=_decimal(baseline.get("value")) if baseline is not None else None,
    )
    changes.record("results", state)
    for period in element.findall("period"):
        target, actual = period.find("target"), period.find("actual")
        target_value = _decimal(target.get("value")) if target is not None else None
        actual_value = _decimal(actual.get("value")) if actual is not None else None
        if target_value is None and actual_value is None:
            continue
        start, end = _iso(period.find("period-start")), _iso(period.find("period-end"))
        if end < start:
            reader.fail(period, "period/period-end", _("The period ends before it starts."))
        _period, state = project_services.indicator_period_upsert(
            indicator=record,
            period_start=start,
            period_end=end,
            target_value=target_value,
            actual_value=actual_value,
        )
        changes.record("results", state)
