"""Every label a person reads on an office form goes through gettext (issue 14, item 4):
a model field without a translated name shows Django's English fallback ("Start precision"),
a form field without a label its Python name."""

import inspect

import pytest
from django import forms as django_forms
from django.apps import apps
from django.utils.functional import Promise

from partnerwerk.office import forms, forms_involvements, forms_money, forms_programmes


def test_every_field_an_office_user_can_edit_has_a_translated_name():
    untranslated = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("partnerwerk.")
        and not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if not field.auto_created
        and getattr(field, "editable", False)
        and not isinstance(field.verbose_name, Promise)
    ]
    assert untranslated == []


OFFICE_FORMS = [
    form
    for module in (forms, forms_money, forms_involvements, forms_programmes)
    for _name, form in inspect.getmembers(module, inspect.isclass)
    if issubclass(form, django_forms.BaseForm) and form.__module__ == module.__name__
]


@pytest.mark.parametrize("form", OFFICE_FORMS, ids=lambda form: form.__name__)
def test_every_office_form_field_has_a_translated_label(form):
    unlabelled = [
        name for name, field in form.base_fields.items() if not isinstance(field.label, Promise)
    ]
    assert unlabelled == []
