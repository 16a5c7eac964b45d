"""List, create, edit, delete, history and restore for every kind of record (see kinds.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerwerk.accounts.selectors import readable
from partnerwerk.actors.selectors_involvements import involvements_of
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.kinds import KINDS, SUBJECT_MODELS, RecordKind
from partnerwerk.office.list_exports import list_exports
from partnerwerk.office.listing import listing
from partnerwerk.office.selectors import history_entries
from partnerwerk.office.sorting import sort_headers
from partnerwerk.projects import selectors_money

PAGE_SIZE = 50


def _kind(slug: str) -> RecordKind:
    return KINDS[slug]


def _record(request, kind: RecordKind, pk: int, *, deleted: bool = False):
    """The record if the user may read it; 404 otherwise, so ids of records out of reach
    reveal nothing."""
    manager = kind.model.all_objects
    queryset = readable(
        request.user, manager.all() if deleted else manager.filter(deleted_at__isnull=True)
    )
    record = get_object_or_404(queryset, pk=pk)
    require_perm(request, kind.permission("view"), record)
    return record


@office_view
def record_list(request, slug: str):
    kind = _kind(slug)
    require_perm(request, kind.list_permission)
    shown = listing(request.user, kind, request.GET)
    page = Paginator(shown.records, PAGE_SIZE).get_page(request.GET.get("page"))
    columns = [("name", _("Name")), *kind.columns]
    context = {
        "kind": kind,
        "page": page,
        "query": shown.query,
        "filters": shown.filters,
        "chosen": shown.chosen,
        "sort": shown.sort,
        "headers": sort_headers(kind.slug, columns, shown.sort, request.GET),
        "exports": list_exports(kind, shown, request.GET),
        # A step, an amount of money or an involvement is added on the page of its owner.
        "may_add": kind.owner is None and request.user.has_perm(kind.permission("add")),
    }
    return render(request, "office/record_list.html", context)


def _subject(request, kind: RecordKind):
    """The partnership, project or activity a new record is added to."""
    for name in kind.subjects:
        model = SUBJECT_MODELS[name]
        value = request.GET.get(name) or request.POST.get(f"subject_{name}")
        if value:
            queryset = readable(request.user, model.objects.all())
            try:
                return get_object_or_404(queryset, pk=int(value))
            except ValueError:
                raise Http404 from None
    return None


def _owner_url(kind: RecordKind, record) -> str:
    """The page of the record that lists this one (see RecordKind.owner)."""
    if kind.owner_url is not None:
        return kind.owner_url(record)
    url = edit_url(kind.owner(record))
    return f"{url}#{kind.owner_anchor}" if kind.owner_anchor else url


def _template(kind: RecordKind) -> list[str]:
    return [f"office/{kind.model_name}_form.html", "office/record_form.html"]


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            target = "upload" if name == "file" else name
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@office_view
def record_new(request, slug: str):
    kind = _kind(slug)
    subject = _subject(request, kind)
    if kind.subject_required and subject is None:
        raise Http404
    require_perm(request, kind.add_permission or kind.permission("add"), subject)
    initial = {}
    if subject is not None and kind.slug == "activities":
        initial = (
            {"partnerships": [subject]}
            if subject._meta.model_name == "partnership"
            else {"project": subject}
        )
    elif subject is not None:
        initial = {subject._meta.model_name: subject}
    form = kind.form(
        request.POST or None, request.FILES or None, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = kind.create(request.user, subject, form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            if kind.owner is not None:
                return redirect(_owner_url(kind, record))
            return redirect(f"office:{kind.slug}-edit", pk=record.pk)
    context = {
        "kind": kind,
        "form": form,
        "record": None,
        "subject": subject,
        "subject_name": subject._meta.model_name if subject is not None else "",
        "may_change": True,
        "back_url": edit_url(subject) if subject is not None else "",
        "back_label": subject,
    }
    return render(request, _template(kind), context)


@office_view
def record_edit(request, slug: str, pk: int):
    kind = _kind(slug)
    record = _record(request, kind, pk)
    may_change = request.user.has_perm(kind.permission("change"), record)
    if request.method == "POST":
        require_perm(request, kind.permission("change"), record)
    form = kind.form(
        request.POST or None, request.FILES or None, instance=record, user=request.user
    )
    if not may_change:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        record.refresh_from_db()  # the form wrote into the instance; the service decides
        try:
            kind.update(request.user, record, form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"office:{kind.slug}-edit", pk=record.pk)
    context = {
        "kind": kind,
        "form": form,
        "record": record,
        "may_change": may_change,
        "may_delete": request.user.has_perm(kind.permission("delete"), record),
        "may_see_history": request.user.has_perm("office.view_history"),
        "back_url": _owner_url(kind, record) if kind.owner is not None else "",
        "back_label": kind.owner(record) if kind.owner is not None else None,
    }
    context.update(_extra_context(request, kind, record))
    return render(request, _template(kind), context)


def _extra_context(request, kind: RecordKind, record) -> dict:
    context = _specific_context(request, kind, record)
    if kind.context is not None:
        context.update(kind.context(request, record))
    if kind.slug in ("partnerships", "projects", "activities"):
        may_keep = request.user.has_perm("actors.add_involvement")
        context["involvements"] = involvements_of(record)
        context["may_keep_involvements"] = may_keep
        context["involvement_subject"] = record._meta.model_name
    return context


def _specific_context(request, kind: RecordKind, record) -> dict:
    from partnerwerk.office.selectors import partnership_steps

    user = request.user
    if kind.slug == "partnerships":
        return {
            "steps": partnership_steps(partnership=record),
            "may_add_step": user.has_perm("partnerships.propose_step", record),
            "may_confirm": user.has_perm("partnerships.confirm_step"),
            "may_add_activity": user.has_perm("projects.add_activity", record),
            "may_add_document": user.has_perm("documents.add_document", record),
            # Money of the partnership's activities without a project; added on their pages.
            "money": selectors_money.partnership_money(partnership=record),
            "money_subject": "partnership",
        }
    if kind.slug == "projects":
        return {
            "may_add_activity": user.has_perm("projects.add_activity", record),
            "may_add_document": user.has_perm("documents.add_document", record),
            **_money_context(user, record, selectors_money.project_money(project=record)),
        }
    if kind.slug == "activities":
        return _money_context(user, record, selectors_money.activity_money(activity=record))
    return {}


def _money_context(user, record, money) -> dict:
    """The money section of a project's or activity's page (office/partials/money.html)."""
    return {
        "money": money,
        "money_subject": record._meta.model_name,
        "may_add_budget": user.has_perm("projects.add_budget", record),
        "may_add_transaction": user.has_perm("projects.add_transaction", record),
        "may_change_money": user.has_perm("projects.change_transaction", record),
    }


@office_view
@require_http_methods(["GET", "POST"])
def record_delete(request, slug: str, pk: int):
    """A GET asks first, naming the record; a POST deletes (softly: the trash undoes it)."""
    kind = _kind(slug)
    record = _record(request, kind, pk)
    require_perm(request, kind.permission("delete"), record)
    if request.method == "GET":
        context = {
            "kind": kind,
            "record": record,
            "record_type": kind.model._meta.verbose_name,
            "back": edit_url(record),
        }
        return render(request, "office/record_delete.html", context)
    kind.delete(actor=request.user, record=record)
    messages.success(request, _("Deleted. The office can restore it from the trash."))
    if kind.owner is not None:
        return redirect(_owner_url(kind, record))
    return redirect(f"office:{kind.slug}")


@office_view
def record_history(request, slug: str, pk: int):
    kind = _kind(slug)
    require_perm(request, "office.view_history")
    record = _record(request, kind, pk, deleted=True)
    context = {
        "kind": kind,
        "record": record,
        "entries": history_entries(record),
        "may_restore": request.user.has_perm("office.restore", record),
    }
    return render(request, "office/record_history.html", context)


@office_view
@require_POST
def record_revert(request, slug: str, pk: int, history_id: int):
    kind = _kind(slug)
    record = _record(request, kind, pk, deleted=True)
    require_perm(request, "office.restore", record)
    try:
        kind.revert(actor=request.user, record=record, history_id=history_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The earlier version is restored."))
    return redirect(f"office:{kind.slug}-history", pk=record.pk)


@office_view
@require_POST
def record_undelete(request, slug: str, pk: int):
    kind = _kind(slug)
    require_perm(request, "office.restore")
    record = get_object_or_404(kind.model.all_objects.filter(deleted_at__isnull=False), pk=pk)
    kind.restore(actor=request.user, record=record)
    messages.success(request, _("Restored."))
    return redirect("office:trash")


@office_view
def trash(request):
    require_perm(request, "office.view_trash")
    groups = []
    for kind in KINDS.values():
        rows = (
            kind.model.all_objects.filter(deleted_at__isnull=False)
            .select_related("deleted_by", *kind.related)
            .order_by("-deleted_at")[:200]
        )
        if rows:
            groups.append({"kind": kind, "rows": rows})
    return render(request, "office/trash.html", {"groups": groups})


def edit_url(record) -> str:
    from partnerwerk.office.kinds import kind_of

    kind = kind_of(record)
    return reverse(f"office:{kind.slug}-edit", kwargs={"pk": record.pk}) if kind else ""
