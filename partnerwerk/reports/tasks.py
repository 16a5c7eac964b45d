"""Background task of reports (decision 0031): build a report's files."""

from django_tasks import task

from partnerwerk.reports.models import Report
from partnerwerk.reports.services import report_build_files


@task()
def build_report(*, report_id: int) -> int:
    """Build the PDF and DOCX of the report; returns its id."""
    report = Report.objects.select_related("created_by", "place").get(pk=report_id)
    report_build_files(report=report)
    return report.pk
