"""The applicants' pages (issue 17, decision 0030): open calls, sign-up with a confirmed
e-mail address, sign-in, an association's applications, its drafts, submission and proof of
use. An applicant reaches only their own association's applications (404 for any other)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerwerk.accounts.middleware import session_start
from partnerwerk.core.security import client_ip
from partnerwerk.documents.files import content_type
from partnerwerk.grants import selectors, services, services_review
from partnerwerk.grants.limits import RateLimited
from partnerwerk.grants.models import Status
from partnerwerk.grants.notice import NOTICE_LANGUAGES, notice_pdf
from partnerwerk.grants.permissions import applicant_of
from partnerwerk.portal.funding_forms import (
    ApplicationForm,
    AttachmentForm,
    CostLineFormSet,
    ProfileForm,
    ProofForm,
    SignInForm,
    SignUpForm,
)

TOO_MANY = _("Too many attempts from your address within the hour. Please try again later.")


def applicant_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if applicant_of(request.user) is None:
            return redirect(f"{reverse('portal:funding-sign-in')}?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapper


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@require_GET
def call_index(request):
    return render(request, "portal/funding/call_index.html", {"calls": selectors.open_calls()})


@require_GET
def call_detail(request, key: str):
    call = selectors.public_call(key)
    if call is None:
        raise Http404
    context = {"call": call, "accepts": services.accepts_applications(call)}
    return render(request, "portal/funding/call_detail.html", context)


@require_http_methods(["GET", "POST"])
def sign_up(request):
    form = SignUpForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.applicant_sign_up(
                ip_address=client_ip(request),
                base_url=request.build_absolute_uri("/"),
                language=get_language() or "",
                **form.cleaned_data,
            )
        except RateLimited:
            form.add_error(None, TOO_MANY)
            status = 429
        except ValidationError as error:
            _errors(form, error)
            status = 400
        else:
            return render(
                request, "portal/funding/sign_up_sent.html", {"email": form.cleaned_data["email"]}
            )
    elif request.method == "POST":
        status = 400
    return render(request, "portal/funding/sign_up.html", {"form": form}, status=status)


@require_GET
def verify(request, token: str):
    try:
        services.applicant_verify(token=token)
    except ValidationError as error:
        return render(request, "portal/funding/verify_failed.html", {"error": error}, status=400)
    messages.success(request, _("Your e-mail address is confirmed. Please sign in."))
    return redirect("portal:funding-sign-in")


@require_http_methods(["GET", "POST"])
def sign_in(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["email"].strip().lower(),
            password=form.cleaned_data["password"],
        )
        if user is not None and applicant_of(user) is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            session_start(request)
            wanted = request.GET.get("next", "")
            if not wanted.startswith("/") or wanted.startswith("//"):
                wanted = reverse("portal:funding-applications")
            return redirect(wanted)
        form.add_error(
            None,
            _("The e-mail address or the password is wrong, or the address is not confirmed yet."),
        )
    return render(request, "portal/funding/sign_in.html", {"form": form})


@require_POST
def sign_out(request):
    logout(request)
    return redirect("portal:funding")


@require_GET
@applicant_required
def application_index(request):
    context = {
        "applicant": applicant_of(request.user),
        "applications": selectors.own_applications(request.user),
    }
    return render(request, "portal/funding/application_index.html", context)


@require_http_methods(["GET", "POST"])
@applicant_required
def profile(request):
    """The association's profile, kept by its members."""
    applicant = applicant_of(request.user)
    form = ProfileForm(request.POST or None, instance=applicant)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
        try:
            services.applicant_update(actor=request.user, applicant=applicant, **fields)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect("portal:funding-profile")
    return render(request, "portal/funding/profile.html", {"form": form})


@require_http_methods(["GET", "POST"])
@applicant_required
def application_new(request, key: str):
    call = selectors.public_call(key)
    if call is None:
        raise Http404
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                actor=request.user, call=call, **form.cleaned_data
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("The draft is saved. Add the cost plan and documents."))
            return redirect("portal:funding-application", pk=application.pk)
    return render(request, "portal/funding/application_new.html", {"call": call, "form": form})


def _own(request, pk: int):
    application = selectors.own_application(request.user, pk)
    if application is None:
        raise Http404  # another association's application: nothing says it exists
    return application


def _cost_initial(application):
    return [
        {"description": line.description, "amount": line.amount}
        for line in application.cost_lines.all()
    ]


@require_http_methods(["GET", "POST"])
@applicant_required
def application_detail(request, pk: int):
    application = _own(request, pk)
    draft = application.status == Status.DRAFT
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = ApplicationForm(
        request.POST if action == "save" else None, instance=application, prefix="app"
    )
    costs = CostLineFormSet(
        request.POST if action == "save" else None,
        initial=_cost_initial(application),
        prefix="cost",
    )
    upload = AttachmentForm(
        request.POST if action == "upload" else None,
        request.FILES if action == "upload" else None,
        prefix="file",
    )
    proof = ProofForm(
        request.POST if action == "proof" else None,
        request.FILES if action == "proof" else None,
        prefix="proof",
    )
    status = 200
    try:
        if action == "save" and form.is_valid() and costs.is_valid():
            fields = dict(form.cleaned_data)
            services.application_update(actor=request.user, application=application, **fields)
            lines = [
                (row["description"], row["amount"])
                for row in costs.cleaned_data
                if row.get("description") and row.get("amount") is not None
            ]
            services.application_set_cost_lines(
                actor=request.user, application=application, lines=lines
            )
            messages.success(request, _("The draft is saved."))
            return redirect("portal:funding-application", pk=pk)
        if action == "upload" and upload.is_valid():
            services.attachment_add(
                actor=request.user,
                application=application,
                upload=upload.cleaned_data["file"],
                title=upload.cleaned_data["title"],
            )
            messages.success(request, _("The document is added."))
            return redirect("portal:funding-application", pk=pk)
        if action == "submit":
            services.application_submit(
                actor=request.user, application=application, ip_address=client_ip(request)
            )
            messages.success(request, _("Your application is submitted. The office will check it."))
            return redirect("portal:funding-application", pk=pk)
        if action == "proof" and proof.is_valid():
            data = proof.cleaned_data
            services_review.proof_submit(
                actor=request.user,
                application=application,
                report=data["report"],
                spent=data["spent"],
                receipts=[(data["receipt_title"], data["receipt"])],
            )
            messages.success(request, _("Your proof of use is submitted."))
            return redirect("portal:funding-application", pk=pk)
        if action:
            status = 400
    except RateLimited:
        messages.error(request, TOO_MANY)
        status = 429
    except ValidationError as error:
        target = {"save": form, "upload": upload, "proof": proof}.get(action)
        if target is None:  # the submission: no form of its own
            for problem in error.messages:
                messages.error(request, problem)
        else:
            _errors(target, error)
        status = 400
    except PermissionDenied:
        raise Http404 from None
    context = {
        "application": application,
        "draft": draft,
        "form": form,
        "costs": costs,
        "upload": upload,
        "proof": proof,
        "may_prove": application.status == Status.PAID,
    }
    return render(request, "portal/funding/application_detail.html", context, status=status)


@require_GET
@applicant_required
def attachment_file(request, pk: int, attachment_pk: int):
    application = _own(request, pk)
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


@require_GET
@applicant_required
def notice(request, pk: int):
    """The association's notice letter, in the page's language."""
    application = _own(request, pk)
    language = (get_language() or "de")[:2]
    if language not in NOTICE_LANGUAGES or not hasattr(application, "decision"):
        raise Http404
    response = HttpResponse(
        notice_pdf(application=application, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="bescheid-{pk}.pdf"'
    return response
