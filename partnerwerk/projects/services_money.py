"""Writes of money: budgets, funding sources and transactions of projects and activities
(decision 0027).

Whoever may change a project keeps its money (`projects.add_budget` etc. on the project or
activity). An amount in another currency than the euro is converted at the rate and on the
date the editor states; the services compute the value in euros, so it always agrees with
the rate.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction as db_transaction
from django.utils.translation import gettext as _

from partnerwerk.actors.models import Organisation
from partnerwerk.core.models import Source, Visibility
from partnerwerk.core.services import (
    UNCHANGED,
    Unchanged,
    attribute_history,
    changed_values,
    require_permission,
    unique_key,
)
from partnerwerk.programmes.models import Programme
from partnerwerk.projects.currency import EURO, euros_at
from partnerwerk.projects.models import (
    Activity,
    Budget,
    BudgetKind,
    BudgetStatus,
    FundingSource,
    Project,
    Transaction,
)


def _convert(record) -> None:
    """Set `amount_eur` from the amount and the stated rate, or refuse what cannot be
    converted: an amount in another currency needs a rate and its date; an amount in euros
    needs neither rate nor conversion."""
    record.currency = (record.currency or "").strip().upper()
    if record.currency == EURO:
        if record.exchange_rate is not None:
            raise ValidationError(
                {"exchange_rate": _("An amount in euros needs no exchange rate.")}
            )
        record.amount_eur = None
        return
    if record.amount is None:
        record.exchange_rate = None
        record.amount_eur = None
        return
    errors = {}
    if record.exchange_rate is None:
        errors["exchange_rate"] = _(
            "State the exchange rate: how many units of %(currency)s one euro was worth."
        ) % {"currency": record.currency}
    elif record.exchange_rate <= 0:
        errors["exchange_rate"] = _("The exchange rate must be greater than zero.")
    if record.value_date is None:
        errors["value_date"] = _("State the date of the exchange rate.")
    if errors:
        raise ValidationError(errors)
    record.amount_eur = euros_at(record.amount, record.exchange_rate)


def _save(record, *, actor, sources: Iterable[Source] | Unchanged = UNCHANGED) -> None:
    _convert(record)
    record.full_clean()
    attribute_history(record, actor)
    record.save()
    if sources is not UNCHANGED:
        record.sources.set(sources)


def _require_on_each(actor, permission: str, *subjects) -> None:
    for subject in subjects:
        if subject is not None:
            require_permission(actor, permission, subject)


def _check_activity_in_project(project: Project | None, activity: Activity | None) -> None:
    if project and activity and activity.project_id and activity.project_id != project.pk:
        raise ValidationError({"activity": _("This activity belongs to another project.")})


# --- budgets ---------------------------------------------------------------------------------


@db_transaction.atomic
def budget_create(
    *,
    actor: AbstractBaseUser | None,
    project: Project,
    period_start: date,
    period_end: date,
    amount: Decimal,
    currency: str = EURO,
    exchange_rate: Decimal | None = None,
    value_date: date | None = None,
    kind: str = BudgetKind.ORIGINAL,
    status: str = BudgetStatus.INDICATIVE,
    sources: Iterable[Source] = (),
) -> Budget:
    """The money planned for a project in one period."""
    require_permission(actor, "projects.add_budget", project)
    budget = Budget(
        project=project,
        period_start=period_start,
        period_end=period_end,
        amount=amount,
        currency=currency,
        exchange_rate=exchange_rate,
        value_date=value_date,
        kind=kind,
        status=status,
    )
    _save(budget, actor=actor, sources=sources)
    return budget


@db_transaction.atomic
def budget_update(
    *,
    actor: AbstractBaseUser | None,
    budget: Budget,
    project: Project | Unchanged = UNCHANGED,
    period_start: date | Unchanged = UNCHANGED,
    period_end: date | Unchanged = UNCHANGED,
    amount: Decimal | Unchanged = UNCHANGED,
    currency: str | Unchanged = UNCHANGED,
    exchange_rate: Decimal | None | Unchanged = UNCHANGED,
    value_date: date | None | Unchanged = UNCHANGED,
    kind: str | Unchanged = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Budget:
    """Change the fields given; moving a budget needs the right to add one to the project."""
    require_permission(actor, "projects.change_budget", budget)
    if project is not UNCHANGED and project.pk != budget.project_id:
        require_permission(actor, "projects.add_budget", project)
    fields = changed_values(
        {
            "project": project,
            "period_start": period_start,
            "period_end": period_end,
            "amount": amount,
            "currency": currency,
            "exchange_rate": exchange_rate,
            "value_date": value_date,
            "kind": kind,
            "status": status,
        }
    )
    for name, value in fields.items():
        setattr(budget, name, value)
    _save(budget, actor=actor, sources=sources)
    return budget


# --- funding sources -------------------------------------------------------------------------


@db_transaction.atomic
def funding_source_create(
    *,
    actor: AbstractBaseUser | None,
    project: Project,
    funder: Organisation | None = None,
    programme: Programme | None = None,
    amount: Decimal | None = None,
    currency: str = EURO,
    exchange_rate: Decimal | None = None,
    value_date: date | None = None,
    note_de: str = "",
    note_en: str = "",
    sources: Iterable[Source] = (),
) -> FundingSource:
    """Who or what pays for a project: a funding organisation, a programme, or both."""
    require_permission(actor, "projects.add_fundingsource", project)
    funding_source = FundingSource(
        project=project,
        funder=funder,
        programme=programme,
        amount=amount,
        currency=currency,
        exchange_rate=exchange_rate,
        value_date=value_date,
        note_de=note_de,
        note_en=note_en,
    )
    _save(funding_source, actor=actor, sources=sources)
    return funding_source


@db_transaction.atomic
def funding_source_update(
    *,
    actor: AbstractBaseUser | None,
    funding_source: FundingSource,
    project: Project | Unchanged = UNCHANGED,
    funder: Organisation | None | Unchanged = UNCHANGED,
    programme: Programme | None | Unchanged = UNCHANGED,
    amount: Decimal | None | Unchanged = UNCHANGED,
    currency: str | Unchanged = UNCHANGED,
    exchange_rate: Decimal | None | Unchanged = UNCHANGED,
    value_date: date | None | Unchanged = UNCHANGED,
    note_de: str | Unchanged = UNCHANGED,
    note_en: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> FundingSource:
    """Change the fields given."""
    require_permission(actor, "projects.change_fundingsource", funding_source)
    if project is not UNCHANGED and project.pk != funding_source.project_id:
        require_permission(actor, "projects.add_fundingsource", project)
    fields = changed_values(
        {
            "project": project,
            "funder": funder,
            "programme": programme,
            "amount": amount,
            "currency": currency,
            "exchange_rate": exchange_rate,
            "value_date": value_date,
            "note_de": note_de,
            "note_en": note_en,
        }
    )
    for name, value in fields.items():
        setattr(funding_source, name, value)
    _save(funding_source, actor=actor, sources=sources)
    return funding_source


# --- transactions ----------------------------------------------------------------------------


@db_transaction.atomic
def transaction_create(
    *,
    actor: AbstractBaseUser | None,
    kind: str,
    project: Project | None = None,
    activity: Activity | None = None,
    date: date | None = None,
    date_precision: str = "",
    amount: Decimal | None = None,
    currency: str = EURO,
    exchange_rate: Decimal | None = None,
    value_date: date | None = None,
    description_de: str = "",
    description_en: str = "",
    provider: Organisation | None = None,
    receiver: Organisation | None = None,
    visibility: str = Visibility.PUBLIC,
    sources: Iterable[Source] = (),
    key: str = "",
) -> Transaction:
    """Money or goods moving for a project, an activity or an activity of a project; the key
    is made from what it belongs to and its kind when left empty."""
    if project is None and activity is None:
        raise ValidationError(_("A transaction belongs to a project or an activity."))
    _require_on_each(actor, "projects.add_transaction", project, activity)
    _check_activity_in_project(project, activity)
    owner = project or activity
    transaction = Transaction(
        key=key or unique_key(Transaction, f"{owner.key}-{kind}"),
        kind=kind,
        project=project,
        activity=activity,
        date=date,
        date_precision=date_precision,
        amount=amount,
        currency=currency,
        exchange_rate=exchange_rate,
        value_date=value_date,
        description_de=description_de,
        description_en=description_en,
        provider=provider,
        receiver=receiver,
        visibility=visibility,
    )
    _save(transaction, actor=actor, sources=sources)
    return transaction


@db_transaction.atomic
def transaction_update(
    *,
    actor: AbstractBaseUser | None,
    transaction: Transaction,
    kind: str | Unchanged = UNCHANGED,
    project: Project | None | Unchanged = UNCHANGED,
    activity: Activity | None | Unchanged = UNCHANGED,
    date: date | None | Unchanged = UNCHANGED,
    date_precision: str | Unchanged = UNCHANGED,
    amount: Decimal | None | Unchanged = UNCHANGED,
    currency: str | Unchanged = UNCHANGED,
    exchange_rate: Decimal | None | Unchanged = UNCHANGED,
    value_date: date | None | Unchanged = UNCHANGED,
    description_de: str | Unchanged = UNCHANGED,
    description_en: str | Unchanged = UNCHANGED,
    provider: Organisation | None | Unchanged = UNCHANGED,
    receiver: Organisation | None | Unchanged = UNCHANGED,
    visibility: str | Unchanged = UNCHANGED,
    sources: Iterable[Source] | Unchanged = UNCHANGED,
) -> Transaction:
    """Change the fields given; moving a transaction to another project or activity needs the
    right to add one there."""
    require_permission(actor, "projects.change_transaction", transaction)
    moved_to = [
        target
        for target, before in (
            (project, transaction.project_id),
            (activity, transaction.activity_id),
        )
        if target is not UNCHANGED and target is not None and target.pk != before
    ]
    _require_on_each(actor, "projects.add_transaction", *moved_to)
    fields = changed_values(
        {
            "kind": kind,
            "project": project,
            "activity": activity,
            "date": date,
            "date_precision": date_precision,
            "amount": amount,
            "currency": currency,
            "exchange_rate": exchange_rate,
            "value_date": value_date,
            "description_de": description_de,
            "description_en": description_en,
            "provider": provider,
            "receiver": receiver,
            "visibility": visibility,
        }
    )
    for name, value in fields.items():
        setattr(transaction, name, value)
    _check_activity_in_project(transaction.project, transaction.activity)
    _save(transaction, actor=actor, sources=sources)
    return transaction
