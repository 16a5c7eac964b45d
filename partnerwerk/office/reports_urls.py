"""The office's report pages, under /office/reports/ (issue 18)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
from partnerwerk.office.views import reports as views

urlpatterns = [
    path("", views.index, name="reports"),
    path("preview/", views.preview, name="report-preview"),
    path("<int:pk>/finalize/", views.finalize, name="report-finalize"),
    path("<int:pk>/<slug:format>/", views.download, name="report-download"),
]

entry = NavigationEntry("office:reports", _("Reports"), "reports.view_report")
if entry not in NAVIGATION:
    NAVIGATION.append(entry)
