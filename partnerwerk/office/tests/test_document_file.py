"""The office's file view: the user must be able to read the document and every record it is
attached to, by the rule of the office's record pages."""

import pytest

from partnerwerk.projects.models import Project
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


def test_office_staff_download_the_file_of_a_document_of_a_live_project(client, worlds):
    sign_in_with_two_factors(client, make_user(role="office"))
    document = worlds["own"].document
    response = client.get(f"/office/documents/{document.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_the_file_of_a_document_whose_project_was_deleted_is_not_found(client, worlds):
    sign_in_with_two_factors(client, make_user(role="office"))
    document = worlds["own"].document
    Project.all_objects.filter(pk=document.project_id).update(deleted_at="2026-01-01T00:00:00Z")
    assert client.get(f"/office/documents/{document.pk}/file/").status_code == 404


def test_a_counterpart_gets_the_file_of_their_own_partnership_only(client, worlds):
    counterpart = make_user(role="counterpart", partnership=worlds["own"].partnership)
    sign_in_with_two_factors(client, counterpart)
    own, other = worlds["own"].document, worlds["other"].document
    assert client.get(f"/office/documents/{own.pk}/file/").status_code == 200
    assert client.get(f"/office/documents/{other.pk}/file/").status_code == 404
