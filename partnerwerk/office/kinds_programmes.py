"""The record kinds of a joint programme (decision 0029): each is added on the programme's
page and edited, deleted, restored and shown with its history by the office's record views
(views/records.py); the programme's own pages are in views/action_programmes.py."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerwerk.action_programmes import selectors, services, services_measures
from partnerwerk.action_programmes import services_monitoring as monitoring
from partnerwerk.action_programmes.charts import indicator_chart
from partnerwerk.action_programmes.models import (
    FieldOfAction,
    Goal,
    Indicator,
    JointProgramme,
    Measure,
    MeasureComment,
    Reading,
    Review,
    StrategyLink,
)
from partnerwerk.action_programmes.progress import indicator_progress
from partnerwerk.office import forms_programmes as forms


def programme_of(record) -> JointProgramme:
    """The programme whose page lists the record."""
    for step in ("indicator", "measure", "goal", "field_of_action", "programme"):
        record = getattr(record, step, record)
    return record


def overview_url(record, anchor: str = "") -> str:
    programme = programme_of(record)
    if programme.is_deleted:
        return reverse("office:action-programmes")
    url = reverse("office:action-programme", kwargs={"pk": programme.pk})
    return f"{url}#{anchor}" if anchor else url


def _anchored(anchor_of):
    return lambda record: overview_url(record, anchor_of(record))


def _measure_context(request, measure) -> dict:
    from partnerwerk.office.forms_programmes import MeasureCommentForm

    return {
        "comments": selectors.measure_comments(measure=measure),
        "comment_form": MeasureCommentForm(),
        "may_comment": request.user.has_perm("action_programmes.add_measurecomment", measure),
        "may_delete_comment": lambda comment: request.user.has_perm(
            "action_programmes.delete_measurecomment", comment
        ),
    }


def _indicator_context(request, indicator) -> dict:
    readings = list(indicator.readings.select_related("entered_by", "document"))
    pairs = [(reading.measured_on, reading.value) for reading in readings]
    return {
        "readings": readings,
        "progress": indicator_progress(
            baseline=indicator.baseline_value, target=indicator.target_value, readings=pairs
        ),
        "chart": indicator_chart(indicator, pairs),
        "may_add_reading": request.user.has_perm("action_programmes.add_reading", indicator),
    }


def programme_kinds(record_kind) -> list:
    """The kinds, built with the office's RecordKind class (passed in: kinds.py imports this
    module)."""
    common = {"listed": False, "owner": programme_of, "subject_required": True}
    return [
        record_kind(
            slug="joint-programmes",
            model=JointProgramme,
            form=forms.JointProgrammeForm,
            label=_("Joint programmes"),
            create=lambda actor, subject, data: services.joint_programme_create(
                actor=actor, partnership=subject, **data
            ),
            update=lambda actor, record, data: services.joint_programme_update(
                actor=actor, programme=record, **data
            ),
            subjects=("partnership",),
            owner_url=overview_url,
            **common,
        ),
        record_kind(
            slug="programme-strategies",
            model=StrategyLink,
            form=forms.StrategyLinkForm,
            label=_("Strategies"),
            create=lambda actor, subject, data: services.strategy_create(
                actor=actor, programme=subject, **data
            ),
            update=lambda actor, record, data: services.strategy_update(
                actor=actor, strategy=record, **data
            ),
            subjects=("jointprogramme",),
            owner_url=_anchored(lambda record: "strategies"),
            **common,
        ),
        record_kind(
            slug="programme-fields",
            model=FieldOfAction,
            form=forms.FieldOfActionForm,
            label=_("Fields of action"),
            create=lambda actor, subject, data: services.field_of_action_create(
                actor=actor, programme=subject, **data
            ),
            update=lambda actor, record, data: services.field_of_action_update(
                actor=actor, field=record, **data
            ),
            subjects=("jointprogramme",),
            owner_url=_anchored(lambda record: f"field-{record.pk}"),
            **common,
        ),
        record_kind(
            slug="programme-goals",
            model=Goal,
            form=forms.GoalForm,
            label=_("Goals of joint programmes"),
            create=lambda actor, subject, data: services.goal_create(
                actor=actor, field_of_action=subject, **data
            ),
            update=lambda actor, record, data: services.goal_update(
                actor=actor, goal=record, **data
            ),
            subjects=("fieldofaction",),
            owner_url=_anchored(lambda record: f"goal-{record.pk}"),
            **common,
        ),
        record_kind(
            slug="programme-measures",
            model=Measure,
            form=forms.MeasureForm,
            label=_("Measures"),
            create=lambda actor, subject, data: services_measures.measure_create(
                actor=actor, goal=subject, **data
            ),
            update=lambda actor, record, data: services_measures.measure_update(
                actor=actor, measure=record, **data
            ),
            subjects=("goal",),
            owner_url=_anchored(lambda record: f"measure-{record.pk}"),
            context=_measure_context,
            **common,
        ),
        record_kind(
            slug="programme-indicators",
            model=Indicator,
            form=forms.IndicatorForm,
            label=_("Indicators"),
            create=lambda actor, subject, data: monitoring.indicator_create(
                actor=actor, goal=subject, **data
            ),
            update=lambda actor, record, data: monitoring.indicator_update(
                actor=actor, indicator=record, **data
            ),
            subjects=("goal",),
            owner_url=_anchored(lambda record: f"indicator-{record.pk}"),
            context=_indicator_context,
            **common,
        ),
        record_kind(
            slug="programme-readings",
            model=Reading,
            form=forms.ReadingForm,
            label=_("Readings"),
            create=lambda actor, subject, data: monitoring.reading_create(
                actor=actor, indicator=subject, **data
            ),
            update=lambda actor, record, data: monitoring.reading_update(
                actor=actor, reading=record, **data
            ),
            subjects=("indicator",),
            owner_url=_anchored(lambda record: f"indicator-{record.indicator_id}"),
            **common,
        ),
        record_kind(
            slug="programme-reviews",
            model=Review,
            form=forms.ReviewForm,
            label=_("Reviews"),
            create=lambda actor, subject, data: monitoring.review_create(
                actor=actor, programme=subject, **data
            ),
            update=lambda actor, record, data: monitoring.review_update(
                actor=actor, review=record, **data
            ),
            subjects=("jointprogramme",),
            owner_url=_anchored(lambda record: "reviews"),
            **common,
        ),
        record_kind(
            slug="programme-comments",
            model=MeasureComment,
            form=forms.MeasureCommentForm,
            label=_("Comments on measures"),
            # Written from the form on the measure's page, in the writer's language; a comment
            # is never rewritten (the office may delete it).
            create=lambda actor, subject, data: services_measures.measure_comment_create(
                actor=actor, measure=subject, text=data["text"], language=get_language()
            ),
            update=None,
            subjects=("measure",),
            owner_url=lambda comment: (
                reverse("office:programme-measures-edit", kwargs={"pk": comment.measure_id})
                + "#comments"
            ),
            **common,
        ),
    ]


SUBJECT_MODELS = {
    "jointprogramme": JointProgramme,
    "fieldofaction": FieldOfAction,
    "goal": Goal,
    "measure": Measure,
    "indicator": Indicator,
}
