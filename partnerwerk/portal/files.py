"""Files of public documents, served by the application after a visibility check.

Nothing under MEDIA_ROOT is served directly (an internal upload must never be reachable by
its address). Images of public photos are shown inline; every other file is an attachment.
Responses carry nosniff and a sandboxing Content Security Policy.
"""

import mimetypes

from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from partnerwerk.core.models import Visibility
from partnerwerk.documents.models import Document, DocumentKind

INLINE_TYPES = {"image/jpeg", "image/png", "image/webp"}


def _respond(stored, document: Document) -> FileResponse:
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    inline = document.kind == DocumentKind.PHOTO and content_type in INLINE_TYPES
    extension = stored.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=f"{slugify(document.title)[:80] or document.key}.{extension}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
def document_file(request, key: str):
    """The current file of a public document (its newest version, or its own file)."""
    document = (
        Document.objects.filter(key=key, visibility=Visibility.PUBLIC)
        .prefetch_related("versions")
        .first()
    )
    if document is None:
        raise Http404
    current = document.versions.all().first()
    stored = current.file if current else document.file
    if not stored:
        raise Http404
    return _respond(stored, document)
