"""Files of public documents, served by the application after a visibility check.

Nothing under MEDIA_ROOT is served directly (an internal upload must never be reachable by
its address). Images of public photos are shown inline; every other file is an attachment.
Responses carry nosniff and a sandboxing Content Security Policy.
"""

from django.http import Http404
from django.views.decorators.http import require_GET

from partnerwerk.documents.files import content_type, file_response
from partnerwerk.documents.models import DocumentKind
from partnerwerk.documents.selectors import public_document

INLINE_TYPES = {"image/jpeg", "image/png", "image/webp"}


@require_GET
def document_file(request, key: str):
    """The current file of a public document (its newest version, or its own file); a
    document attached to an internal or deleted record is not public (see
    `DocumentQuerySet.public`)."""
    document = public_document(key=key)
    if document is None:
        raise Http404
    current = document.versions.all().first()
    stored = current.file if current else document.file
    inline = document.kind == DocumentKind.PHOTO and content_type(stored) in INLINE_TYPES
    return file_response(stored, document, inline=inline)
