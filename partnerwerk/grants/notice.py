"""The notice letter (Bescheid) of a decision as a PDF, through core.pdf (WeasyPrint, nothing
fetched from outside), in German or English."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from partnerwerk.core.pdf import render_pdf
from partnerwerk.grants.models import Application

NOTICE_LANGUAGES = ("de", "en")


def notice_pdf(*, application: Application, language: str = "de") -> bytes:
    """The letter announcing the decision on `application`; it must have one."""
    decision = application.decision
    with translation.override(language):
        html = render_to_string(
            "grants/notice.html",
            {
                "application": application,
                "decision": decision,
                "call": application.call,
                "applicant": application.applicant,
                "today": timezone.localdate(),
                "language": language,
            },
        )
        return render_pdf(html, stylesheets=["office/print.css"])
