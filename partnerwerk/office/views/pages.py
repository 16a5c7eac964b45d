"""The dashboard, the step confirmation (htmx), document files and the GDPR pages."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerwerk.accounts.selectors import readable
from partnerwerk.actors import services as actor_services
from partnerwerk.actors.models import Person
from partnerwerk.actors.selectors import people_for_retention_review
from partnerwerk.core.params import MAX_ID, bounded_int
from partnerwerk.documents.files import file_response
from partnerwerk.documents.models import Document
from partnerwerk.office import selectors
from partnerwerk.office.access import office_view, require_perm
from partnerwerk.office.dashboard import quick_actions, record_counts, step_action_label
from partnerwerk.partnerships import services as partnership_services
from partnerwerk.partnerships.models import Step


@office_view
def dashboard(request):
    user = request.user
    context = selectors.dashboard(user)
    context["quick_actions"] = quick_actions(user, pending_steps=len(context["pending_steps"]))
    context["record_counts"] = record_counts(user, context["counts"])
    context["step_partnerships"] = selectors.step_proposal_partnerships(user)
    context["step_action"] = step_action_label(user)
    return render(request, "office/dashboard.html", context)


@office_view
@require_POST
def step_confirm(request, pk: int):
    step = get_object_or_404(
        readable(request.user, Step.all_objects.alive().awaiting_confirmation()), pk=pk
    )
    require_perm(request, "partnerships.confirm_step", step)
    try:
        partnership_services.step_confirm(actor=request.user, step=step)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:
        return render(request, "office/partials/step_confirmed.html", {"step": step})
    messages.success(request, _("The step is confirmed."))
    if request.POST.get("back") == "partnership":
        return redirect("office:partnerships-edit", pk=step.partnership_id)
    return redirect("office:dashboard")


@office_view
def document_file(request, pk: int):
    """The document's file as an attachment, to users who may read the document: never
    shown inline, so an uploaded file cannot run as a page of this site."""
    document = get_object_or_404(readable(request.user, Document.objects.all()), pk=pk)
    require_perm(request, "documents.view_document", document)
    if not _attachments_readable(request.user, document):
        raise Http404
    stored = document.file
    number = bounded_int(request.GET.get("version"), default=None, minimum=0, maximum=MAX_ID)
    if number is not None:
        version = document.versions.filter(number=number).first()
        if version is None:
            raise Http404
        stored = version.file
    return file_response(stored, document)


def _attachments_readable(user, document: Document) -> bool:
    """Whether the user may read every record the document is attached to, by the rule of
    the office's record pages (readable and not deleted): a file must not be reached through
    a document when its parent is out of the user's reach."""
    for parent in document.attached_to:
        alive = type(parent).all_objects.filter(pk=parent.pk, deleted_at__isnull=True)
        if not readable(user, alive).exists():
            return False
    return True


def _person(request, pk: int) -> Person:
    return get_object_or_404(Person.all_objects.all(), pk=pk)


@office_view
def person_export(request, pk: int):
    person = _person(request, pk)
    require_perm(request, "actors.export_person", person)
    data = actor_services.person_export(actor=request.user, person=person)
    body = json.dumps(data, cls=actor_services.ExportEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@office_view
def person_erase(request, pk: int):
    person = _person(request, pk)
    require_perm(request, "actors.erase_person", person)
    if request.method == "POST":
        actor_services.person_erase(actor=request.user, person=person)
        messages.success(request, _("The person's data is erased everywhere."))
        return redirect("office:people")
    return render(request, "office/person_erase.html", {"person": person})


@office_view
def retention(request):
    require_perm(request, "actors.erase_person")
    from django.conf import settings

    context = {
        "people": people_for_retention_review()[:500],
        "years": settings.PARTNERWERK_RETENTION_YEARS,
    }
    return render(request, "office/retention.html", context)
