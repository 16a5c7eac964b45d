from django.urls import include, path

from partnerwerk.office.kinds import KINDS
from partnerwerk.office.views import open_data, pages, place_names, places, records, users

app_name = "office"

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("registry/", include("partnerwerk.office.registry_urls")),
    path("sdg/", include("partnerwerk.office.sdg_urls")),
    path("funding/", include("partnerwerk.office.grants_urls")),
    path("action-programmes/", include("partnerwerk.office.action_programmes_urls")),
    path("reports/", include("partnerwerk.office.reports_urls")),
    path("content/", include("partnerwerk.office.content_urls")),
    path("trash/", records.trash, name="trash"),
    path("places/search/", places.place_search, name="place-search"),
    path("places/names/", place_names.place_names, name="place-names"),
    path("places/<int:pk>/names/", place_names.place_names_edit, name="place-names-edit"),
    path("steps/<int:pk>/confirm/", pages.step_confirm, name="step-confirm"),
    path("documents/<int:pk>/file/", pages.document_file, name="document-file"),
    path("people/<int:pk>/export/", pages.person_export, name="person-export"),
    path("people/<int:pk>/erase/", pages.person_erase, name="person-erase"),
    path("people/retention/", pages.retention, name="retention"),
    path("users/", users.users, name="users"),
    path("users/<int:pk>/deactivate/", users.user_deactivate, name="user-deactivate"),
    path("invitations/<int:pk>/revoke/", users.invitation_revoke, name="invitation-revoke"),
    path("", include("partnerwerk.office.calendar_urls")),
    path("", include("partnerwerk.office.open_data_urls")),
]

# One set of addresses per kind of record, spelled out (no catch-all pattern, so other apps
# can add their own pages under /office/).
for slug in KINDS:
    urlpatterns += [
        path(f"{slug}/", records.record_list, {"slug": slug}, name=slug),
        path(f"{slug}/new/", records.record_new, {"slug": slug}, name=f"{slug}-new"),
        path(f"{slug}/<int:pk>/", records.record_edit, {"slug": slug}, name=f"{slug}-edit"),
        path(
            f"{slug}/<int:pk>/delete/", records.record_delete, {"slug": slug}, name=f"{slug}-delete"
        ),
        path(
            f"{slug}/<int:pk>/restore/",
            records.record_undelete,
            {"slug": slug},
            name=f"{slug}-undelete",
        ),
        path(
            f"{slug}/<int:pk>/history/",
            records.record_history,
            {"slug": slug},
            name=f"{slug}-history",
        ),
        path(
            f"{slug}/<int:pk>/history/<int:history_id>/restore/",
            records.record_revert,
            {"slug": slug},
            name=f"{slug}-revert",
        ),
        path(
            f"{slug}/export.<slug:format>",
            open_data.list_download,
            {"slug": slug},
            name=f"{slug}-export",
        ),
    ]
