from django.urls import path

from partnerwerk.portal import data, files, pages, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("partnerships/", views.partnership_index, name="partnerships"),
    path("partnerships/<slug:key>/", views.partnership, name="partnership"),
    path("cities/<int:geonames_id>/", views.city, name="city"),
    path("projects/", pages.project_index, name="projects"),
    path("projects/<slug:key>/", pages.project_detail, name="project"),
    path("activities/", pages.activity_index, name="activities"),
    path("activities/<slug:key>/", pages.activity_detail, name="activity"),
    path("sdg/", pages.goal_index, name="goals"),
    path("sdg/<int:number>/", pages.goal_detail, name="goal"),
    path("contact/", pages.contact, name="contact"),
    path("imprint/", pages.imprint, name="imprint"),
    path("privacy/", pages.privacy, name="privacy"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("data/<slug:dataset>.<slug:format>", data.download, name="download"),
    path("files/<slug:key>/", files.document_file, name="file"),
]
