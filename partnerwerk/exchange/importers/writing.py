"""Applying a planned spreadsheet import: every record is written by its own app's
services (decision 0022), in one transaction."""

from django.db import transaction

from partnerwerk.core.models import Visibility
from partnerwerk.exchange.importers.cells import Deferred
from partnerwerk.exchange.importers.plans import ImportPlan, RowOutcome, plan_import
from partnerwerk.exchange.importers.specs import SPECS
from partnerwerk.exchange.tables import ImportFailure


@transaction.atomic
def run_import(plan: ImportPlan, *, user=None) -> ImportPlan:
    """Write a plan without refused rows, in one transaction."""
    if plan.refused:
        first = plan.refused[0]
        raise ImportFailure(plan.file, first.reason, row=first.row, field=first.column)
    spec = SPECS[plan.dataset]
    model = spec.model
    created, changed = [], []
    deferred: list[tuple[RowOutcome, str, str]] = []
    for outcome in plan.outcomes:
        values = dict(outcome.values)
        for name, value in list(values.items()):
            if isinstance(value, Deferred):
                deferred.append((outcome, name, value.key))
                values[name] = None
        if outcome.state == "created":
            if spec.has_visibility:
                values.setdefault("visibility", Visibility.INTERNAL)
            obj = model(key=outcome.key, **values)
            created.append((obj, outcome))
        elif outcome.state == "changed":
            changed.append(outcome)
    if created:
        spec.write(create=[obj for obj, _outcome in created], user=user)
    by_key = {
        obj.key: obj
        for obj in model.objects.filter(key__in=[outcome.key for outcome in plan.outcomes])
    }
    updated, update_fields = [], set()
    for outcome in changed:
        obj = by_key[outcome.key]
        fields = [name for name in outcome.changed if name in outcome.values]
        for name in fields:
            value = outcome.values[name]
            setattr(obj, name, by_key[value.key] if isinstance(value, Deferred) else value)
        if fields:
            updated.append(obj)
            update_fields.update(fields)
    deferred_objects = []
    for outcome, name, target in deferred:
        if outcome.state == "created":
            obj = by_key[outcome.key]
            setattr(obj, name, by_key[target])
            deferred_objects.append(obj)
            update_fields.add(name)
    to_update = {obj.pk: obj for obj in [*updated, *deferred_objects]}
    if to_update:
        spec.write(update=list(to_update.values()), fields=sorted(update_fields), user=user)
    for attribute in {name for outcome in plan.outcomes for name in outcome.relations}:
        spec.replace_links(attribute=attribute, links=_links(attribute, plan.outcomes, by_key))
    return plan


def _links(attribute: str, outcomes, by_key) -> dict[int, list[int]]:
    """The wanted links of the records this import creates or whose links it changes."""
    links = {}
    for outcome in outcomes:
        if attribute not in outcome.relations:
            continue
        if outcome.state == "changed" and attribute not in outcome.changed:
            continue
        if outcome.state not in ("created", "changed"):
            continue
        links[by_key[outcome.key].pk] = [item.pk for item in outcome.relations[attribute]]
    return links


def import_file(dataset: str, data: bytes, file: str, *, dry_run: bool, user=None, progress=None):
    plan = plan_import(dataset, data, file, progress=progress)
    if not dry_run:
        run_import(plan, user=user)
    return plan
