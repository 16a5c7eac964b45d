from django.urls import path

from partnerwerk.portal import data, fact_sheets, files, funding, news, pages, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("partnerships/", views.partnership_index, name="partnerships"),
    path("partnerships/<slug:key>/", views.partnership, name="partnership"),
    path("cities/<int:geonames_id>/", views.city, name="city"),
    path(
        "cities/<int:geonames_id>/fact-sheet.pdf",
        fact_sheets.city_fact_sheet,
        name="city-fact-sheet",
    ),
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
    path("news/", news.news_index, name="news"),
    path("news/feed/", news.news_feed, name="news-feed"),
    path("news/<slug:key>/", news.article, name="article"),
    path("pages/<slug:key>/", news.page, name="page"),
    path("search/", news.search, name="search"),
    path("data/<slug:dataset>.<slug:format>", data.download, name="download"),
    path("files/<slug:key>/", files.document_file, name="file"),
    # Funding for associations (issue 17)
    path("funding/", funding.call_index, name="funding"),
    path("funding/calls/<slug:key>/", funding.call_detail, name="funding-call"),
    path("funding/calls/<slug:key>/apply/", funding.application_new, name="funding-apply"),
    path("funding/sign-up/", funding.sign_up, name="funding-sign-up"),
    path("funding/confirm/<str:token>/", funding.verify, name="funding-verify"),
    path("funding/sign-in/", funding.sign_in, name="funding-sign-in"),
    path("funding/sign-out/", funding.sign_out, name="funding-sign-out"),
    path("funding/profile/", funding.profile, name="funding-profile"),
    path("funding/applications/", funding.application_index, name="funding-applications"),
    path("funding/applications/<int:pk>/", funding.application_detail, name="funding-application"),
    path("funding/applications/<int:pk>/notice.pdf", funding.notice, name="funding-notice"),
    path(
        "funding/applications/<int:pk>/files/<int:attachment_pk>/",
        funding.attachment_file,
        name="funding-file",
    ),
]
