"""Helpers for office tests: a form's current values as POST data."""

from django import forms


def form_data(form) -> dict:
    """What a browser would send back for the unchanged form."""
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue
        value = form[name].value()
        if value is None:
            data[name] = ""
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(item, "pk", item)) for item in value]
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


def edit_data(kind_slug: str, record, **changes) -> dict:
    from partnerwerk.office.kinds import KINDS

    data = form_data(KINDS[kind_slug].form(instance=record))
    data.update(changes)
    return data
