from django.urls import path

from partnerwerk.portal import registry_views as views

app_name = "registry"

urlpatterns = [
    path("", views.index, name="index"),
    path("cities/<str:ref>/", views.city, name="city"),
    path("cities/<str:ref>/network/", views.network, name="network"),
    path("common/", views.common, name="common"),
    path("relations/", views.relation_index, name="relations"),
    path("countries/", views.country_choice, name="country-choice"),
    path("countries/<str:first>/<str:second>/", views.country_pair, name="country-pair"),
]
