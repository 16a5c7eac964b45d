"""Writes of calls, applicants and applications up to their submission (decision 0030).
Every function checks who acts; review, decision, payment and closing are in
services_review."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partnerwerk.documents.services import check_upload
from partnerwerk.grants import limits
from partnerwerk.grants.models import (
    Applicant,
    ApplicantMember,
    Application,
    Attachment,
    AttachmentKind,
    CostLine,
    Criterion,
    FundingCall,
    Reviewer,
    Score,
    StateChange,
    Status,
)
from partnerwerk.grants.permissions import applicant_of, is_member_of, is_staff

SIGN_UP_SALT = "partnerwerk.grants.sign-up"
SIGN_UP_MAX_AGE = 3 * 24 * 3600  # a verification link works for three days
MAX_ATTACHMENTS = 20


def _require_staff(actor) -> None:
    if not is_staff(actor):
        raise PermissionDenied(_("Only office staff may do this."))


def log_step(*, application: Application, to_status: str, actor, note: str = "") -> None:
    """Move the application to `to_status` and log the step (the one place that does)."""
    StateChange.objects.create(
        application=application,
        from_status=application.status,
        to_status=to_status,
        by=actor,
        note=note,
    )
    application.status = to_status
    application.save(update_fields=["status", "submitted_at", "updated_at"])


# --- calls ------------------------------------------------------------------------------------


@transaction.atomic
def call_create(
    *,
    actor,
    key: str,
    title_de: str,
    purpose_de: str,
    budget: Decimal,
    opens_on: date,
    closes_on: date,
    criteria: list[tuple[str, str, int]] = (),
    title_en: str = "",
    purpose_en: str = "",
    eligibility_de: str = "",
    eligibility_en: str = "",
    required_documents_de: str = "",
    required_documents_en: str = "",
    is_public: bool = False,
) -> FundingCall:
    """A call with its criteria as (German name, English name, weight)."""
    _require_staff(actor)
    call = FundingCall(
        key=key,
        title_de=title_de,
        title_en=title_en,
        purpose_de=purpose_de,
        purpose_en=purpose_en,
        eligibility_de=eligibility_de,
        eligibility_en=eligibility_en,
        required_documents_de=required_documents_de,
        required_documents_en=required_documents_en,
        budget=budget,
        opens_on=opens_on,
        closes_on=closes_on,
        is_public=is_public,
    )
    call.full_clean()
    call.save()
    for name_de, name_en, weight in criteria:
        Criterion.objects.create(call=call, name_de=name_de, name_en=name_en, weight=weight)
    return call


CALL_FIELDS = {
    "key",
    "title_de",
    "title_en",
    "purpose_de",
    "purpose_en",
    "eligibility_de",
    "eligibility_en",
    "required_documents_de",
    "required_documents_en",
    "budget",
    "opens_on",
    "closes_on",
    "is_public",
}


@transaction.atomic
def call_update(
    *, actor, call: FundingCall, criteria: list[tuple[str, str, int]] | None = None, **fields
) -> FundingCall:
    """Change a call; its budget never below what is approved under it, and its criteria
    only while no reviewer has scored them."""
    _require_staff(actor)
    call = FundingCall.objects.select_for_update().get(pk=call.pk)
    for name, value in fields.items():
        if name not in CALL_FIELDS:
            raise TypeError(name)
        setattr(call, name, value)
    if call.budget < call.committed:
        raise ValidationError(
            {
                "budget": _("%(committed)s EUR are approved under this call already.")
                % {"committed": call.committed}
            }
        )
    call.full_clean()
    call.save()
    current = [(c.name_de, c.name_en, c.weight) for c in call.criteria.all()]
    if criteria is not None and list(criteria) != current:
        if Score.objects.filter(criterion__call=call).exists():
            raise ValidationError(
                {"criteria": _("The criteria cannot change once a reviewer has scored them.")}
            )
        call.criteria.all().delete()
        for name_de, name_en, weight in criteria:
            Criterion.objects.create(call=call, name_de=name_de, name_en=name_en, weight=weight)
    return call


@transaction.atomic
def reviewer_appoint(*, actor, call: FundingCall, user) -> Reviewer:
    _require_staff(actor)
    reviewer, _created = Reviewer.objects.get_or_create(call=call, user=user)
    return reviewer


# --- applicants -------------------------------------------------------------------------------


def applicant_sign_up(
    *,
    ip_address: str,
    email: str,
    password: str,
    name: str,
    address: str,
    contact_name: str,
    base_url: str,
    register_number: str = "",
    phone: str = "",
    language: str = "",
) -> ApplicantMember:
    """Create an association's profile and an inactive account, and e-mail the link that
    activates it. Limited per address and hour; raises limits.RateLimited."""
    limits.count("sign-up", ip_address, settings.PARTNERWERK_GRANTS_SIGN_UPS_PER_HOUR)
    User = get_user_model()
    email = email.strip().lower()
    with transaction.atomic():
        existing = User.objects.filter(username__iexact=email).first()
        if existing is not None:
            member = ApplicantMember.objects.filter(user=existing).select_related("applicant")
            member = member.first()
            if member is None or existing.is_active or existing.last_login is not None:
                raise ValidationError({"email": _("An account with this e-mail address exists.")})
            # Not confirmed yet (the link was lost or expired): send a new link and change
            # nothing, so nobody can set the password of an account they cannot confirm.
            _send_confirmation(member=member, base_url=base_url, language=language)
            return member
        user = User(username=email, email=email, is_active=False)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from None
        user.set_password(password)
        user.save()
        applicant = Applicant(
            name=name,
            address=address,
            register_number=register_number,
            contact_name=contact_name,
            contact_email=email,
            phone=phone,
        )
        applicant.full_clean()
        applicant.save()
        member = ApplicantMember.objects.create(user=user, applicant=applicant)
    _send_confirmation(member=member, base_url=base_url, language=language)
    return member


def _send_confirmation(*, member: ApplicantMember, base_url: str, language: str) -> None:
    token = signing.dumps({"user": member.user_id}, salt=SIGN_UP_SALT)
    with translation.override(language or settings.LANGUAGE_CODE):
        path = reverse("portal:funding-verify", kwargs={"token": token})
        context = {"link": f"{base_url.rstrip('/')}{path}", "name": member.applicant.name}
        subject = render_to_string("grants/email/verify_subject.txt", context).strip()
        body = render_to_string("grants/email/verify_body.txt", context)
    send_mail(subject, body, None, [member.user.email])


@transaction.atomic
def applicant_verify(*, token: str):
    """Activate the account the link was made for; the user, or ValidationError."""
    try:
        data = signing.loads(token, salt=SIGN_UP_SALT, max_age=SIGN_UP_MAX_AGE)
    except signing.BadSignature:
        raise ValidationError(_("This link is unknown or expired.")) from None
    user = get_user_model().objects.filter(pk=data.get("user")).first()
    if user is None or not hasattr(user, "applicant_membership"):
        raise ValidationError(_("This link is unknown or expired."))
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def applicant_update(*, actor, applicant: Applicant, **fields) -> Applicant:
    allowed = {"name", "address", "register_number", "contact_name", "contact_email", "phone"}
    mine = applicant_of(actor)
    if not (is_staff(actor) or (mine is not None and mine.pk == applicant.pk)):
        raise PermissionDenied
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(applicant, name, value)
    applicant.full_clean()
    applicant.save()
    return applicant


# --- applications -----------------------------------------------------------------------------


def accepts_applications(call: FundingCall, at: datetime | None = None) -> bool:
    today = timezone.localdate(at or timezone.now())
    return call.opens_on <= today <= call.closes_on


def _require_own_draft(actor, application: Application) -> None:
    if not is_member_of(actor, application):
        raise PermissionDenied
    if application.status != Status.DRAFT:
        raise ValidationError(_("A submitted application can no longer be changed."))


@transaction.atomic
def application_create(
    *,
    actor,
    call: FundingCall,
    project_title: str,
    amount_requested: Decimal,
    project_description: str = "",
    partner_country: str = "",
    partnership=None,
    sdgs=(),
) -> Application:
    """A draft in the name of the actor's association."""
    applicant = applicant_of(actor)
    if applicant is None:
        raise PermissionDenied(_("Only an applicant's account may apply."))
    if not call.is_public or not accepts_applications(call):
        raise ValidationError(_("This call does not accept applications."))
    application = Application(
        call=call,
        applicant=applicant,
        project_title=project_title,
        project_description=project_description,
        partner_country=partner_country,
        partnership=partnership,
        amount_requested=amount_requested,
    )
    application.full_clean()
    application.save()
    application.sdgs.set(sdgs)
    return application


@transaction.atomic
def application_update(*, actor, application: Application, sdgs=None, **fields) -> Application:
    _require_own_draft(actor, application)
    allowed = {
        "project_title",
        "project_description",
        "partner_country",
        "partnership",
        "amount_requested",
    }
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(application, name, value)
    application.full_clean()
    application.save()
    if sdgs is not None:
        application.sdgs.set(sdgs)
    return application


@transaction.atomic
def application_set_cost_lines(
    *, actor, application: Application, lines: list[tuple[str, Decimal]]
) -> list[CostLine]:
    """Replace the cost plan with `lines` of (item, amount)."""
    _require_own_draft(actor, application)
    application.cost_lines.all().delete()
    created = []
    for description, amount in lines:
        line = CostLine(application=application, description=description, amount=amount)
        line.full_clean()
        line.save()
        created.append(line)
    return created


def _attach(*, actor, application: Application, upload: File, title: str, kind: str):
    extension = check_upload(upload)  # size limit and type by the first bytes, as documents
    if application.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError({"file": _("An application holds at most 20 files.")})
    attachment = Attachment(application=application, kind=kind, title=title, uploaded_by=actor)
    # A generated name: nothing the uploader chose reaches the file system.
    attachment.file.save(f"{uuid.uuid4().hex}{extension}", upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_add(*, actor, application: Application, upload: File, title: str) -> Attachment:
    _require_own_draft(actor, application)
    return _attach(
        actor=actor,
        application=application,
        upload=upload,
        title=title,
        kind=AttachmentKind.APPLICATION,
    )


@transaction.atomic
def application_submit(
    *, actor, application: Application, ip_address: str, at: datetime | None = None
) -> Application:
    """Submit a draft before the call closes; limited per address and hour."""
    _require_own_draft(actor, application)
    at = at or timezone.now()
    if timezone.localdate(at) > application.call.closes_on:
        raise ValidationError(
            _("The call closed on %(date)s; applications are no longer accepted.")
            % {"date": application.call.closes_on.strftime("%d.%m.%Y")}
        )
    if not application.cost_lines.exists():
        raise ValidationError(_("Add at least one line to the cost plan before submitting."))
    limits.count("submit", ip_address, settings.PARTNERWERK_GRANTS_SUBMISSIONS_PER_HOUR)
    application.submitted_at = at
    log_step(application=application, to_status=Status.SUBMITTED, actor=actor)
    return application
