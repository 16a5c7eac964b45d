from django.urls import path

from partnerwerk.office.views import registry as office_views

app_name = "registry"

urlpatterns = [
    path("", office_views.matchmaking_page, name="matchmaking"),
    path("cities/<str:ref>/", office_views.city, name="city"),
]
