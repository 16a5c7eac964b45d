"""Files and steps the grants tests share."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from partnerwerk.grants import services, services_review

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def submitted_application(*, applicant_user, call, amount=Decimal("4000.00"), ip="10.0.0.1"):
    application = services.application_create(
        actor=applicant_user,
        call=call,
        project_title="Schulgarten in Kumasi",
        amount_requested=amount,
    )
    services.application_set_cost_lines(
        actor=applicant_user, application=application, lines=[("Saatgut und Werkzeug", amount)]
    )
    return services.application_submit(actor=applicant_user, application=application, ip_address=ip)


def assessed_application(*, applicant_user, office, reviewer, call, amount=Decimal("4000.00")):
    application = submitted_application(applicant_user=applicant_user, call=call, amount=amount)
    services_review.application_check(actor=office, application=application)
    services.reviewer_appoint(actor=office, call=call, user=reviewer)
    scores = {criterion.pk: 4 for criterion in call.criteria.all()}
    services_review.assessment_record(actor=reviewer, application=application, scores=scores)
    application.refresh_from_db()
    return application
