"""The office's reports (issue 18): choose a report, a period and a language, preview it,
have it built (in the background) and download it; the list of stored reports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.forms_reports import ReportForm
from partnerwerk.reports.models import Report
from partnerwerk.reports.rendering import preview as report_preview
from partnerwerk.reports.scope import PUBLIC, Scope
from partnerwerk.reports.services import report_file_name, report_finalize, report_request
from partnerwerk.reports.tasks import build_report

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "table": "text/csv; charset=utf-8",
}
EXTENSIONS = {"pdf": "pdf", "docx": "docx", "table": "csv"}


@office_view
def index(request):
    require_perm(request, "reports.view_report")
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        require_perm(request, "reports.add_report")
        if form.is_valid():
            try:
                report = report_request(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                build_report.enqueue(report_id=report.pk)
                messages.success(
                    request,
                    _("The report is being built. This page shows how far it has come."),
                )
                return redirect("office:reports")
    reports = list(
        Report.objects.select_related("created_by", "place").order_by("-created_at", "-id")[:200]
    )
    return render(
        request,
        "office/reports.html",
        {
            "form": form,
            "reports": reports,
            # the page reloads itself (no script) only while a report is being built
            "building": any(report.is_building for report in reports),
            "may_add": request.user.has_perm("reports.add_report"),
            "may_finalize": request.user.has_perm("reports.change_report"),
        },
    )


@office_view
def preview(request):
    """The report as HTML, from the form's choices, for reading in the browser."""
    require_perm(request, "reports.view_report")
    form = ReportForm(request.GET)
    if not form.is_valid():
        return render(request, "office/reports.html", {"form": form, "reports": []}, status=400)
    data = form.cleaned_data
    scope = PUBLIC if data["public_only"] else Scope(user=request.user)
    html = report_preview(
        data["kind"],
        start=data["period_start"],
        end=data["period_end"],
        place=data["place"],
        scope=scope,
        language=data["language"],
        outlook=data["outlook"],
    )
    return HttpResponse(html)


@office_view
def download(request, pk: int, format: str):
    require_perm(request, "reports.view_report")
    if format not in FORMATS:
        raise Http404
    report = get_object_or_404(Report, pk=pk)
    stored = getattr(report, format)
    if not stored:
        raise Http404
    return FileResponse(
        stored.open("rb"),
        content_type=FORMATS[format],
        as_attachment=format != "pdf",
        # the name the PDF gives its table, whatever name the storage chose
        filename=report_file_name(report, EXTENSIONS[format]),
    )


@office_view
@require_POST
def finalize(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    require_perm(request, "reports.change_report", report)
    try:
        report_finalize(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report is final."))
    return redirect("office:reports")
