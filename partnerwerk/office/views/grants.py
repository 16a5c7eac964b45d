"""Funding in the back office (issue 17, decision 0030): calls with their budgets, the
applications of a call, and one page per application where office staff check, decide, pay
and close and an appointed reviewer assesses. The services check every permission again."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerwerk.documents.files import content_type
from partnerwerk.grants import selectors, services, services_review
from partnerwerk.grants.models import FundingCall, Status
from partnerwerk.grants.notice import NOTICE_LANGUAGES, notice_pdf
from partnerwerk.grants.permissions import is_staff, may_review
from partnerwerk.office.access import log_refusal, office_view
from partnerwerk.office.forms_grants import (
    AssessmentForm,
    CallForm,
    DecisionForm,
    NoteForm,
    PaymentForm,
    ReviewerForm,
)


def _require_staff(request) -> None:
    if not is_staff(request.user):
        log_refusal(request, "not office staff (funding)")
        raise PermissionDenied


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@require_GET
@office_view
def call_list(request):
    context = {
        "calls": selectors.call_overview(),
        "years": selectors.year_overview(),
        "may_create": is_staff(request.user),
    }
    return render(request, "grants/call_list.html", context)


@require_http_methods(["GET", "POST"])
@office_view
def call_new(request):
    _require_staff(request)
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            call = services.call_create(actor=request.user, **fields)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect("office:grants-call", key=call.key)
    return render(request, "grants/call_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@office_view
def call_edit(request, key: str):
    _require_staff(request)
    call = FundingCall.objects.filter(key=key).first()
    if call is None:
        raise Http404
    criteria = "\n".join(f"{c.name_de} | {c.name_en} | {c.weight}" for c in call.criteria.all())
    form = CallForm(request.POST or None, instance=call, initial={"criteria": criteria})
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            call = services.call_update(actor=request.user, call=call, **fields)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect("office:grants-call", key=call.key)
    return render(request, "grants/call_form.html", {"form": form, "call": call})


@require_http_methods(["GET", "POST"])
@office_view
def call_detail(request, key: str):
    call = (
        FundingCall.objects.filter(key=key).prefetch_related("criteria", "reviewers__user").first()
    )
    if call is None:
        raise Http404
    staff = is_staff(request.user)
    if not staff and not call.reviewers.filter(user=request.user).exists():
        raise Http404
    form = ReviewerForm(request.POST or None)
    if request.method == "POST":
        _require_staff(request)
        if form.is_valid():
            services.reviewer_appoint(actor=request.user, call=call, user=form.cleaned_data["user"])
            messages.success(request, _("The reviewer is appointed."))
            return redirect("office:grants-call", key=key)
    applications = call.applications.exclude(status=Status.DRAFT).select_related(
        "applicant", "decision"
    )
    context = {"call": call, "applications": applications, "form": form, "staff": staff}
    return render(request, "grants/call_detail.html", context)


def _application(request, pk: int):
    application = selectors.readable_application(request.user, pk)
    if application is None:
        raise Http404
    return application


# The steps of an application page, each with its form; who may take it is checked by the
# service (and `offered` below shows each form only to who may).
STEPS = {
    "check": NoteForm,
    "assess": AssessmentForm,
    "decide": DecisionForm,
    "pay": PaymentForm,
    "close": NoteForm,
}


def _run(request, action: str, application, form) -> None:
    data = form.cleaned_data
    actor = request.user
    if action == "check":
        services_review.application_check(actor=actor, application=application, note=data["note"])
    elif action == "assess":
        services_review.assessment_record(
            actor=actor, application=application, scores=form.scores(), comment=data["comment"]
        )
    elif action == "decide":
        services_review.application_decide(actor=actor, application=application, **data)
    elif action == "pay":
        services_review.payment_record(actor=actor, application=application, **data)
    elif action == "close":
        services_review.application_close(actor=actor, application=application, note=data["note"])


@require_http_methods(["GET", "POST"])
@office_view
def application_detail(request, pk: int):
    application = _application(request, pk)
    criteria = list(application.call.criteria.all())
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = {}
    for name, form_class in STEPS.items():
        kwargs = {"prefix": name}
        if form_class is AssessmentForm:
            kwargs["criteria"] = criteria
        forms[name] = form_class(request.POST if action == name else None, **kwargs)
    status = 200
    if action in forms:
        form = forms[action]
        if form.is_valid():
            try:
                _run(request, action, application, form)
            except PermissionDenied:
                log_refusal(request, f"funding step {action}")
                raise
            except ValidationError as error:
                _errors(form, error)
                status = 400
            else:
                messages.success(request, _("Saved."))
                return redirect("office:grants-application", pk=pk)
        else:
            status = 400
    staff = is_staff(request.user)
    current = application.status
    offered = {
        "check": staff and current == Status.SUBMITTED,
        "assess": may_review(request.user, application)
        and current in (Status.FORMALLY_CHECKED, Status.ASSESSED),
        "decide": staff and current in (Status.SUBMITTED, Status.FORMALLY_CHECKED, Status.ASSESSED),
        "pay": staff and current in (Status.APPROVED, Status.PAID),
        "close": staff and current == Status.PROOF_SUBMITTED,
    }
    context = {
        "application": application,
        "decision": getattr(application, "decision", None),
        "proof": getattr(application, "proof_of_use", None),
        "assessments": application.assessments.select_related("reviewer").prefetch_related(
            "scores__criterion"
        ),
        "forms": {name: form for name, form in forms.items() if offered[name]},
        "staff": staff,
    }
    return render(request, "grants/application_detail.html", context, status=status)


@require_GET
@office_view
def attachment_file(request, pk: int, attachment_pk: int):
    application = _application(request, pk)
    attachment = application.attachments.filter(pk=attachment_pk).first()
    if attachment is None or not attachment.file:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.file.name.rsplit("/", 1)[-1],
        content_type=content_type(attachment.file),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def notice_response(application, language: str) -> HttpResponse:
    """The notice letter as an inline PDF; 404 before the decision or for another language."""
    if language not in NOTICE_LANGUAGES or not hasattr(application, "decision"):
        raise Http404
    content = notice_pdf(application=application, language=language)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bescheid-{application.pk}-{language}.pdf"'
    return response


@require_GET
@office_view
def notice(request, pk: int, language: str):
    _require_staff(request)
    return notice_response(_application(request, pk), language)
