"""Office pages for open data: download every list, and import a spreadsheet or IATI file."""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partnerwerk.accounts.selectors import readable
from partnerwerk.exchange.exporters import ALL_FORMATS, DATASETS, OFFICE_DATASETS
from partnerwerk.exchange.importers import IMPORTABLE, plan_import, run_import
from partnerwerk.exchange.responses import dataset_response
from partnerwerk.exchange.tables import MAX_FILE_BYTES, ImportFailure
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.kinds import KINDS
from partnerwerk.office.list_exports import LIST_FORMATS, list_dataset, list_records
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
    dataset = list_dataset(kind, shown)
    if dataset is None or format not in LIST_FORMATS:
        raise Http404
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
    require_perm(request, "projects.add_project")
    plan, failure = None, None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data, name = upload.read(), upload.name
        try:
            if form.cleaned_data["dataset"] == "iati":
                from partnerwerk.exchange.iati.reader import import_iati

                plan = import_iati(data, name, dry_run=form.cleaned_data["dry_run"])
            else:
                plan = plan_import(form.cleaned_data["dataset"], data, name)
                if not form.cleaned_data["dry_run"] and not plan.refused:
                    run_import(plan, user=request.user)
        except ImportFailure as error:
            failure = str(error)
    return render(
        request,
        "exchange/office_import.html",
        {
            "form": form,
            "plan": plan,
            "failure": failure,
            "written": plan is not None and not form.cleaned_data["dry_run"] and not plan.refused,
        },
    )
