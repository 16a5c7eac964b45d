"""Office pages for open data: download every list, and import a spreadsheet or IATI file."""

import uuid
from pathlib import Path

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerwerk.accounts.selectors import readable
from partnerwerk.exchange.exporters import ALL_FORMATS, DATASETS, OFFICE_DATASETS
from partnerwerk.exchange.importers import IMPORTABLE, plan_import
from partnerwerk.exchange.responses import dataset_response, table_response
from partnerwerk.exchange.tables import MAX_FILE_BYTES, ImportFailure
from partnerwerk.exchange.tasks import import_file_path, run_office_import
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.background import import_job
from partnerwerk.office.kinds import KINDS
from partnerwerk.office.list_exports import (
    LIST_FORMATS,
    list_dataset,
    list_records,
    list_table_rows,
    list_table_stem,
)
from partnerwerk.office.listing import listing


@office_view
def open_data(request):
    return render(
        request,
        "exchange/office_open_data.html",
        {
            "datasets": [(name, dataset.title) for name, dataset in DATASETS.items()],
            "formats": ALL_FORMATS,
            "importable": IMPORTABLE,
        },
    )


@office_view
def download(request, dataset: str, format: str):
    if dataset not in DATASETS or format not in ALL_FORMATS:
        raise Http404
    headers = "de" if request.GET.get("headers") == "de" else "en"
    # The office exports internal records too, as far as the user may read them.
    records = None
    if dataset in OFFICE_DATASETS:
        records = readable(request.user, OFFICE_DATASETS[dataset]())
    # Office files are opened by people, in Excel: CSV in its dialect unless asked otherwise.
    dialect = "rfc4180" if request.GET.get("dialect") == "rfc4180" else "excel"
    return dataset_response(
        dataset, format, headers=headers, records=records, attachment=True, dialect=dialect
    )


@office_view
def list_download(request, slug: str, format: str):
    """An office list as a file, with the list's filters (`office.list_exports`)."""
    kind = KINDS[slug]
    require_perm(request, kind.list_permission)
    shown = listing(request.user, kind, request.GET)
    if format not in LIST_FORMATS:
        raise Http404
    dataset = list_dataset(kind, shown)
    if dataset is None:
        return table_response(
            list_table_rows(kind, shown), format, stem=list_table_stem(kind), title=str(kind.label)
        )
    return dataset_response(
        dataset,
        format,
        headers="de" if (get_language() or "").startswith("de") else "en",
        records=list_records(request.user, dataset, shown),
        attachment=True,
        dialect="excel",
    )


class ImportForm(forms.Form):
    dataset = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[(name, name) for name in (*IMPORTABLE, "iati")],
    )
    file = forms.FileField(label=_("File (CSV, XLSX or IATI XML)"))
    dry_run = forms.BooleanField(
        label=_("Dry run: only show what would happen"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        return upload


@office_view
def import_page(request):
    """A dry run is planned at once; a confirmed import runs in the background (decision
    0031), and the page of its state follows it."""
    require_perm(request, "projects.add_project")
    plan, failure, job = None, None, None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload, dataset = form.cleaned_data["file"], form.cleaned_data["dataset"]
        if not form.cleaned_data["dry_run"]:
            result = _enqueue_import(request, dataset, upload)
            if not result.is_finished:
                return redirect("office:import-state", task_id=result.id)
            job = import_job(result)  # a backend that ran it at once (tests)
        else:
            try:
                plan = _dry_run(dataset, upload.read(), upload.name)
            except ImportFailure as error:
                failure = str(error)
    return render(
        request,
        "exchange/office_import.html",
        {"form": form, "plan": plan, "failure": failure, "job": job},
    )


def _dry_run(dataset: str, data: bytes, name: str):
    if dataset == "iati":
        from partnerwerk.exchange.iati.reader import import_iati

        return import_iati(data, name, dry_run=True)
    return plan_import(dataset, data, name)


def _enqueue_import(request, dataset: str, upload):
    """Keep the file for the worker and queue its import for this user."""
    stored = f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()[:8]}"
    with import_file_path(stored).open("wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    return run_office_import.enqueue(
        user_id=request.user.pk,
        dataset=dataset,
        stored=stored,
        file=upload.name,
        language=get_language() or "de",
    )
