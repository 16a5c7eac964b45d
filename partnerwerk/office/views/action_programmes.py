"""The pages of joint programmes of action (decision 0029): the list per partnership, a
programme's overview, its progress and its PDF. Its records are added and edited through
the office's record views (kinds_programmes.py)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.text import slugify

from partnerwerk.accounts.selectors import readable
from partnerwerk.action_programmes import selectors
from partnerwerk.action_programmes.charts import indicator_chart, progress_bars
from partnerwerk.action_programmes.models import JointProgramme
from partnerwerk.action_programmes.progress import indicator_progress
from partnerwerk.core.pdf import render_pdf
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.partnerships.models import Partnership

PDF_LANGUAGES = ("de", "en")


def _programme(request, pk: int) -> JointProgramme:
    """The programme with its contents, if the user may read it (404 otherwise, so the ids
    of other partnerships' programmes reveal nothing)."""
    programmes = readable(request.user, JointProgramme.objects.all())
    programme = selectors.programme_with_contents(pk, programmes=programmes)
    if programme is None:
        raise Http404
    require_perm(request, "action_programmes.view_jointprogramme", programme)
    return programme


def _annotate(user, programme: JointProgramme) -> None:
    """Each indicator's progress, and what the user may do with each measure and indicator
    (for the page's links; the views and services check again)."""
    for field in programme.fields.all():
        for goal in field.goals.all():
            for measure in goal.measures.all():
                measure.may_change = user.has_perm("action_programmes.change_measure", measure)
            for indicator in goal.indicators.all():
                indicator.progress = indicator_progress(
                    baseline=indicator.baseline_value,
                    target=indicator.target_value,
                    readings=[(r.measured_on, r.value) for r in indicator.readings.all()],
                )
                indicator.may_add_reading = user.has_perm(
                    "action_programmes.add_reading", indicator
                )


@office_view
def index(request):
    programmes = readable(
        request.user,
        JointProgramme.objects.select_related("partnership__home", "partnership__partner"),
    ).order_by("partnership__partner__name", "-is_current", "-period_start")
    may_add = request.user.has_perm("action_programmes.add_jointprogramme")
    partnerships = (
        readable(request.user, Partnership.objects.curated()).select_related("home", "partner")
        if may_add
        else Partnership.objects.none()
    )
    context = {
        "programmes": programmes,
        "partnerships": partnerships.order_by("partner__name", "kind"),
        "may_add": may_add,
    }
    return render(request, "action_programmes/index.html", context)


@office_view
def overview(request, pk: int):
    programme = _programme(request, pk)
    _annotate(request.user, programme)
    user = request.user
    context = {
        "programme": programme,
        "today": timezone.localdate(),
        "may_keep": user.has_perm("action_programmes.change_jointprogramme", programme),
        "may_see_history": user.has_perm("office.view_history"),
        "pdf_languages": PDF_LANGUAGES,
    }
    return render(request, "action_programmes/overview.html", context)


def _progress_context(programme: JointProgramme) -> dict:
    found = selectors.progress_of(programme, today=timezone.localdate())
    charts = [
        {
            "state": state,
            "chart": indicator_chart(
                state.indicator,
                [
                    (reading.measured_on, reading.value)
                    for reading in state.indicator.readings.all()
                ],
            ),
        }
        for state in found.indicators
    ]
    return {
        "programme": programme,
        "progress": found,
        "bars": progress_bars(found.indicators),
        "charts": charts,
        "today": timezone.localdate(),
    }


@office_view
def progress(request, pk: int):
    programme = _programme(request, pk)
    context = _progress_context(programme) | {"pdf_languages": PDF_LANGUAGES}
    return render(request, "action_programmes/progress.html", context)


@office_view
def pdf(request, pk: int, language: str):
    """The whole programme with its progress as a PDF, in German or English."""
    if language not in PDF_LANGUAGES:
        raise Http404
    programme = _programme(request, pk)
    with translation.override(language):
        html = render(
            request, "action_programmes/programme_pdf.html", _progress_context(programme)
        ).content.decode()
        content = render_pdf(html, stylesheets=["office/print.css"])
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(programme.key or programme.title)[:80] or "programme"
    response["Content-Disposition"] = f'inline; filename="{name}-{language}.pdf"'
    return response
