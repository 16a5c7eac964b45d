"""Reads of documents and images."""

from django.db.models import Prefetch

from partnerwerk.core.models import Visibility
from partnerwerk.documents.models import Document, DocumentKind


def public_photos_prefetch() -> Prefetch:
    """Public photos that have a file, as `public_photos` on each record."""
    return Prefetch(
        "documents",
        queryset=Document.objects.filter(kind=DocumentKind.PHOTO, visibility=Visibility.PUBLIC)
        .exclude(file="")
        .order_by("date", "key"),
        to_attr="public_photos",
    )
