"""Reads of documents and images. What the public sees is `Document.objects.public()`."""

from django.db.models import Prefetch

from partnerwerk.documents.models import Document, DocumentKind, DocumentVersion


def public_photos_prefetch() -> Prefetch:
    """Public photos that have a file, as `public_photos` on each record."""
    return Prefetch(
        "documents",
        queryset=Document.objects.public()
        .filter(kind=DocumentKind.PHOTO)
        .exclude(file="")
        .order_by("date", "key"),
        to_attr="public_photos",
    )


def public_document(*, key: str) -> Document | None:
    """The public document with this key, its versions newest first; None when there is
    none or it is not public (see `DocumentQuerySet.public`)."""
    return (
        Document.objects.public()
        .filter(key=key)
        .prefetch_related(
            Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number"))
        )
        .first()
    )
