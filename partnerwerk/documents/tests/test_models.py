"""The one rule for what the public sees of documents: `Document.objects.public()`."""

import datetime

import pytest

from partnerwerk.documents.models import Document
from partnerwerk.partnerships.models import Step
from partnerwerk.projects.models import Project
from partnerwerk.testing import make_activity, make_partnership, make_project

pytestmark = pytest.mark.django_db


def _document(**fields) -> Document:
    fields.setdefault("visibility", "public")
    return Document.objects.create(kind="report", title_de="Bericht", **fields)


def test_a_new_document_without_a_visibility_is_internal():
    document = Document.objects.create(key="new", kind="report", title_de="Neu")
    assert document.visibility == "internal"
    assert not Document.objects.public().filter(pk=document.pk).exists()


def test_a_public_document_of_public_records_is_public():
    partnership = make_partnership(steps=[{"kind": "start", "on": datetime.date(2020, 1, 1)}])
    project = make_project()
    documents = [
        _document(key="free"),
        _document(key="of-partnership", partnership=partnership),
        _document(key="of-step", step=Step.objects.get(partnership=partnership)),
        _document(key="of-project", project=project),
        _document(key="of-activity", activity=make_activity(project=project)),
    ]
    assert set(Document.objects.public()) == set(documents)


def test_a_document_is_not_public_when_anything_it_hangs_on_is_internal():
    internal_partnership = make_partnership(visibility="internal")
    internal_project = make_project(visibility="internal")
    _document(key="internal", visibility="internal")
    _document(key="of-partnership", partnership=internal_partnership)
    _document(key="of-project", project=internal_project)
    _document(key="of-activity", activity=make_activity(visibility="internal"))
    _document(key="of-activitys-project", activity=make_activity(project=internal_project))
    internal_partnership.steps.create(kind="visit", date=datetime.date(2021, 1, 1))
    _document(key="of-step", step=Step.objects.get(partnership=internal_partnership))
    assert not Document.objects.public().exists()


def test_a_document_is_not_public_when_anything_it_hangs_on_is_deleted():
    deleted = "2026-01-01T00:00:00Z"
    project = make_project()
    partnership = make_partnership()
    activity = make_activity()
    _document(key="of-project", project=project)
    _document(key="of-partnership", partnership=partnership)
    _document(key="of-activity", activity=activity)
    _document(key="of-activitys-project", activity=make_activity(project=project))
    deleted_document = _document(key="deleted")
    Project.all_objects.filter(pk=project.pk).update(deleted_at=deleted)
    type(partnership).all_objects.filter(pk=partnership.pk).update(deleted_at=deleted)
    type(activity).all_objects.filter(pk=activity.pk).update(deleted_at=deleted)
    Document.objects.filter(pk=deleted_document.pk).update(deleted_at=deleted)
    assert not Document.all_objects.public().exists()
