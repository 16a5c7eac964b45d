"""Office pages of background work (decision 0031): exports prepared for their user, and the
state of an import a worker runs."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks.exceptions import TaskResultDoesNotExist

from partnerwerk.exchange.exporters import ALL_FORMATS, DATASETS
from partnerwerk.exchange.prepared import prepared_export_path, prepared_exports
from partnerwerk.exchange.tasks import prepare_export, run_office_import
from partnerwerk.office.access import office_view
from partnerwerk.office.background import import_job


@office_view
@require_POST
def export_prepare(request):
    """Queue a file of the dataset for the user; the list of prepared exports shows it."""
    dataset, format = request.POST.get("dataset", ""), request.POST.get("format", "")
    if dataset not in DATASETS or format not in ALL_FORMATS:
        raise Http404
    prepare_export.enqueue(
        user_id=request.user.pk,
        dataset=dataset,
        format=format,
        headers="de" if request.POST.get("headers") == "de" else "en",
        dialect="excel",
        language=get_language() or "de",
    )
    messages.success(
        request,
        _("The file is being prepared in the background. Reload this page to see it here."),
    )
    return redirect("office:prepared-exports")


@office_view
def prepared_list(request):
    context = {
        "exports": prepared_exports(request.user),
        "keep_days": settings.PARTNERWERK_BACKGROUND_KEEP_DAYS,
    }
    return render(request, "exchange/office_prepared.html", context)


@office_view
def prepared_download(request, name: str):
    """A prepared file, only for the user it was prepared for (anyone else: 404)."""
    path = prepared_export_path(request.user, name)
    if path is None:
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=name.split("-", 2)[2])


@office_view
def import_state(request, task_id):
    """The state of an import the user started: queued, running, done with its counts, or
    failed with the message naming the file and row. Reloads itself until finished."""
    try:
        result = run_office_import.get_result(str(task_id))
    except (TaskResultDoesNotExist, ValueError) as error:
        raise Http404 from error
    if result.kwargs.get("user_id") != request.user.pk:
        raise Http404
    return render(request, "exchange/office_import_state.html", {"job": import_job(result)})
