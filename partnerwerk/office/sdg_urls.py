"""The SDG pages of the office, under /office/sdg/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
from partnerwerk.office.views import sdg as views

urlpatterns = [
    path("", views.overview, name="sdg-overview"),
    path("goals/<int:number>/", views.goal, name="sdg-goal"),
    path("suggest/", views.try_text, name="sdg-try"),
    path("<slug:kind>/<int:pk>/", views.suggestions, name="sdg-suggestions"),
    path("<slug:kind>/<int:pk>/confirm/", views.confirm, name="sdg-confirm"),
    path("<slug:kind>/<int:pk>/reject/", views.reject, name="sdg-reject"),
]

entry = NavigationEntry("office:sdg-overview", _("SDGs"))
if entry not in NAVIGATION:
    NAVIGATION.append(entry)
