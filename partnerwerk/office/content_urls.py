from django.urls import path

from partnerwerk.office.views import content

urlpatterns = [
    path("", content.content_index, name="content"),
    path("comments/", content.comments, name="comments"),
    path("images/<str:name>", content.image_file, name="content-image"),
    path("articles/<int:pk>/images/", content.image_add, name="articles-image-add"),
    path(
        "articles/<int:pk>/images/<int:image_pk>/remove/",
        content.image_remove,
        name="articles-image-remove",
    ),
]
for kind in content.KINDS:
    urlpatterns += [
        path(f"{kind}/new/", content.text_edit, {"kind": kind}, name=f"{kind}-new"),
        path(f"{kind}/<int:pk>/", content.text_edit, {"kind": kind}, name=f"{kind}-edit"),
        path(
            f"{kind}/<int:pk>/delete/", content.text_delete, {"kind": kind}, name=f"{kind}-delete"
        ),
        path(
            f"{kind}/<int:pk>/restore/",
            content.text_restore,
            {"kind": kind},
            name=f"{kind}-restore",
        ),
        path(
            f"{kind}/<int:pk>/history/",
            content.text_history,
            {"kind": kind},
            name=f"{kind}-history",
        ),
        path(
            f"{kind}/<int:pk>/history/<int:history_id>/restore/",
            content.text_revert,
            {"kind": kind},
            name=f"{kind}-revert",
        ),
    ]
