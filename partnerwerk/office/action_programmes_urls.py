"""The pages of joint programmes of action in the office, under /office/action-programmes/
(their records' forms are the office's record pages, see kinds_programmes.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
from partnerwerk.office.views import action_programmes as views

urlpatterns = [
    path("", views.index, name="action-programmes"),
    path("<int:pk>/", views.overview, name="action-programme"),
    path("<int:pk>/progress/", views.progress, name="action-programme-progress"),
    path("<int:pk>/pdf/<slug:language>/", views.pdf, name="action-programme-pdf"),
]

entry = NavigationEntry("office:action-programmes", _("Programmes of action"))
if entry not in NAVIGATION:
    # After the projects: programmes are kept beside the partnerships' work.
    NAVIGATION.insert(3, entry)
