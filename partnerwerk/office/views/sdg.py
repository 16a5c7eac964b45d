"""The SDGs in the back office: the overview, goals with targets and indicators, and the
suggestions for a record, confirmed or rejected in one click."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerwerk.accounts.selectors import readable
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Activity, Project
from partnerwerk.sdg import selectors, services
from partnerwerk.sdg.charts import overview_chart
from partnerwerk.sdg.forms import ConfirmForm, DecisionForm, TextForm
from partnerwerk.sdg.models import Goal
from partnerwerk.sdg.suggest.engine import suggest

# The office's address slugs of the records that carry SDG tags.
SUBJECTS = {"partnerships": Partnership, "projects": Project, "activities": Activity}


def _subject(request, kind: str, pk: int, action: str):
    model = SUBJECTS.get(kind)
    if model is None:
        raise Http404
    # Like every office record page: 404 for a record out of the user's reach reveals nothing.
    record = readable(request.user, model.objects.filter(pk=pk)).first()
    if record is None:
        raise Http404
    require_perm(request, f"{model._meta.app_label}.{action}_{model._meta.model_name}", record)
    return record


@office_view
def overview(request):
    found = selectors.goal_overview(public_only=False)
    context = {
        "overview": found,
        "chart": overview_chart(found),
        "goal_link": "office:sdg-goal",
        "goals": Goal.objects.order_by("number"),
    }
    return render(request, "sdg/office_overview.html", context)


@office_view
def goal(request, number: int):
    found = Goal.objects.filter(number=number).prefetch_related("targets__indicators").first()
    if found is None:
        raise Http404
    return render(request, "sdg/office_goal.html", {"goal": found})


def _panel(request, kind: str, record):
    context = {
        "kind": kind,
        "record": record,
        "suggestions": services.sdg_suggestions_for(subject=record),
        "tags": record.sdg_tags.select_related("goal", "target"),
        "may_change": request.user.has_perm(
            f"{record._meta.app_label}.change_{record._meta.model_name}", record
        ),
    }
    template = "sdg/_suggestion_panel.html" if request.htmx else "sdg/office_suggestions.html"
    return render(request, template, context)


@office_view
def suggestions(request, kind: str, pk: int):
    record = _subject(request, kind, pk, "view")
    return _panel(request, kind, record)


@office_view
@require_POST
def confirm(request, kind: str, pk: int):
    record = _subject(request, kind, pk, "change")
    form = ConfirmForm(request.POST)
    if form.is_valid():
        services.sdg_suggestion_confirm(subject=record, user=request.user, **form.cleaned_data)
    return _after_decision(request, kind, record)


@office_view
@require_POST
def reject(request, kind: str, pk: int):
    record = _subject(request, kind, pk, "change")
    form = DecisionForm(request.POST)
    if form.is_valid():
        services.sdg_suggestion_reject(subject=record, user=request.user, **form.cleaned_data)
    return _after_decision(request, kind, record)


def _after_decision(request, kind, record):
    if request.htmx:
        return _panel(request, kind, record)
    return redirect("office:sdg-suggestions", kind=kind, pk=record.pk)


@office_view
@require_http_methods(["GET", "POST"])
def try_text(request):
    """Type a text, see what it serves: the engine's ranked goals and targets."""
    form = TextForm(request.POST or None)
    found = suggest(form.cleaned_data["text"]) if form.is_valid() else None
    context = {"form": form, "suggestions": found}
    if request.htmx:
        return render(request, "sdg/_suggestion_list.html", context)
    return render(request, "sdg/office_try.html", context)
