from django.urls import path

from partnerwerk.office.views import grants

urlpatterns = [
    path("", grants.call_list, name="grants"),
    path("new/", grants.call_new, name="grants-call-new"),
    path("calls/<slug:key>/", grants.call_detail, name="grants-call"),
    path("calls/<slug:key>/edit/", grants.call_edit, name="grants-call-edit"),
    path("applications/<int:pk>/", grants.application_detail, name="grants-application"),
    path("applications/<int:pk>/notice-<slug:language>.pdf", grants.notice, name="grants-notice"),
    path(
        "applications/<int:pk>/files/<int:attachment_pk>/",
        grants.attachment_file,
        name="grants-file",
    ),
]
