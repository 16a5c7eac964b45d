from django.urls import path

from partnerwerk.exchange import views

app_name = "calendar"

urlpatterns = [
    path("activities.ics", views.activities_feed, name="activities"),
    path("partnerships/<slug:key>.ics", views.partnership_feed, name="partnership"),
]
