"""No daily task needs the Django admin (issue 14, decision 0027): every model office staff
edit has an office form, and every other model of the project is named as admin-only or as
written by imports only, in this test and in the decision."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from partnerwerk.accounts.models import OfficeRole
from partnerwerk.office.kinds import KINDS
from partnerwerk.testing import (
    make_field_of_action,
    make_indicator,
    make_joint_programme,
    make_measure,
    make_programme_goal,
    make_user,
    sign_in_with_two_factors,
)

DECISION = (
    Path(settings.BASE_DIR)
    / "docs"
    / "decisions"
    / "0027-money-in-the-office-and-no-admin-for-daily-work.md"
)

# model → the office page with its form (the record it is added to, where it needs one),
# and a field the form must offer.
OFFICE_FORMS = {
    "partnerships.Partnership": (lambda w: "/office/partnerships/new/", "home"),
    "partnerships.Step": (lambda w: f"/office/steps/new/?partnership={w.partnership.pk}", "kind"),
    "projects.Project": (lambda w: "/office/projects/new/", "title_de"),
    "projects.Activity": (lambda w: "/office/activities/new/", "title_de"),
    "projects.Budget": (lambda w: f"/office/budgets/new/?project={w.project.pk}", "amount"),
    "projects.FundingSource": (
        lambda w: f"/office/funding-sources/new/?project={w.project.pk}",
        "funder",
    ),
    "projects.Transaction": (
        lambda w: f"/office/transactions/new/?project={w.project.pk}",
        "exchange_rate",
    ),
    "documents.Document": (lambda w: "/office/documents/new/", "upload"),
    "documents.DocumentVersion": (lambda w: f"/office/documents/{w.document.pk}/", "upload"),
    "actors.Organisation": (lambda w: "/office/organisations/new/", "name"),
    "actors.Person": (lambda w: "/office/people/new/", "legal_basis"),
    "actors.Involvement": (
        lambda w: f"/office/involvements/new/?project={w.project.pk}",
        "organisation",
    ),
    "sdg.SdgTag": (lambda w: f"/office/sdg/projects/{w.project.pk}/", "significance"),
    "accounts.Invitation": (lambda w: "/office/users/", "email"),
    "accounts.Membership": (lambda w: "/office/users/", "role"),
    # joint programmes of action (decision 0029)
    "action_programmes.JointProgramme": (
        lambda w: f"/office/joint-programmes/new/?partnership={w.partnership.pk}",
        "vision_de",
    ),
    "action_programmes.StrategyLink": (
        lambda w: f"/office/programme-strategies/new/?jointprogramme={_programme(w).pk}",
        "city_strategy",
    ),
    "action_programmes.FieldOfAction": (
        lambda w: f"/office/programme-fields/new/?jointprogramme={_programme(w).pk}",
        "theme",
    ),
    "action_programmes.Review": (
        lambda w: f"/office/programme-reviews/new/?jointprogramme={_programme(w).pk}",
        "decisions_de",
    ),
    "action_programmes.Goal": (
        lambda w: f"/office/programme-goals/new/?fieldofaction={make_field_of_action().pk}",
        "title_de",
    ),
    "action_programmes.Measure": (
        lambda w: f"/office/programme-measures/new/?goal={make_programme_goal().pk}",
        "partner_organisation",
    ),
    "action_programmes.Indicator": (
        lambda w: f"/office/programme-indicators/new/?goal={make_programme_goal().pk}",
        "baseline_value",
    ),
    "action_programmes.Reading": (
        lambda w: f"/office/programme-readings/new/?indicator={make_indicator().pk}",
        "measured_on",
    ),
    "action_programmes.MeasureComment": (
        lambda w: f"/office/programme-measures/{make_measure().pk}/",
        "text",
    ),
}


def _programme(world):
    return make_joint_programme(partnership=world.partnership)


ADMIN_ONLY = {
    "sdg.Goal",
    "sdg.Target",
    "sdg.Indicator",
    "partnerships.Theme",
    "programmes.Programme",
    "core.Source",
    "places.Place",
    "feedback.Feedback",
}

IMPORT_ONLY = {
    "registry.RelationFacetCount",
    "sdg.SdgSuggestionDecision",
    "projects.ProjectParticipant",
    "projects.ProjectLocation",
    "projects.Result",
    "projects.ResultIndicator",
    "projects.IndicatorPeriod",
}


# Funding (decision 0030) is a workflow, not records edited one by one: the office's pages
# under /office/funding/ and the applicants' under /funding/ write these through the grants
# services, one state change at a time.
FUNDING_WORKFLOW = {
    f"grants.{name}"
    for name in (
        "FundingCall",
        "Criterion",
        "Applicant",
        "ApplicantMember",
        "Reviewer",
        "Application",
        "CostLine",
        "Attachment",
        "Assessment",
        "Score",
        "Decision",
        "Payment",
        "ProofOfUse",
        "StateChange",
    )
}
FUNDING_DECISION = DECISION.with_name("0030-funding-calls-applications-and-the-budget-guard.md")

# Pages, news, their photos and readers' comments (decision 0034) are written on the office's
# pages under /office/content/ through the content services.
CONTENT = {"content.Page", "content.Article", "content.ArticleImage", "content.Comment"}
CONTENT_DECISION = DECISION.with_name("0034-pages-news-and-comments.md")

# A report (decision 0035) is asked for on the office's reports page and built from the
# records by the reports services; nobody edits its figures by hand.
REPORTS = {"reports.Report"}
REPORTS_DECISION = DECISION.with_name("0035-reports-from-live-records.md")


def _project_models() -> set[str]:
    return {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("partnerwerk.")
        and not model._meta.label.split(".")[1].startswith("Historical")
    }


def test_every_model_of_the_project_is_edited_in_the_office_or_named_as_left_to_others():
    placed = set(OFFICE_FORMS) | ADMIN_ONLY | IMPORT_ONLY | FUNDING_WORKFLOW | CONTENT | REPORTS
    assert _project_models() - placed == set(), "place each new model in decision 0027"
    assert placed - _project_models() == set()
    assert not (set(OFFICE_FORMS) & (ADMIN_ONLY | IMPORT_ONLY | FUNDING_WORKFLOW))


def test_the_funding_decision_names_every_model_of_the_funding_workflow():
    text = FUNDING_DECISION.read_text()
    for label in FUNDING_WORKFLOW:
        assert label.split(".")[1] in text, label


def test_the_content_decision_names_every_model_of_pages_and_news():
    text = CONTENT_DECISION.read_text()
    for label in CONTENT:
        assert f"`{label.split('.')[1]}`" in text, label


def test_the_reports_decision_names_the_report_model():
    text = REPORTS_DECISION.read_text()
    for label in REPORTS:
        assert f"`{label.split('.')[1]}`" in text, label


def test_the_decision_names_every_model_and_where_it_is_kept():
    text = DECISION.read_text()
    for label in [*OFFICE_FORMS, *ADMIN_ONLY, *IMPORT_ONLY]:
        assert label in text, label


def test_every_record_kind_of_the_office_edits_a_model_the_office_keeps():
    assert {kind.model._meta.label for kind in KINDS.values()} <= set(OFFICE_FORMS)


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OFFICE_FORMS))
def test_office_staff_find_a_form_for_it(client, worlds, label):
    sign_in_with_two_factors(client, make_user(role=OfficeRole.OFFICE))
    page, field = OFFICE_FORMS[label]
    response = client.get(page(worlds["own"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post"' in html
    assert f'name="{field}"' in html, (label, field)
