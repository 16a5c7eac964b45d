"""One way to hand out a stored document file: nosniff, a sandboxing CSP, a clean name."""

import mimetypes

from django.http import FileResponse, Http404
from django.utils.text import slugify

from partnerwerk.documents.models import Document


def file_response(stored, document: Document, *, inline: bool = False) -> FileResponse:
    """`stored` (the document's file or one of its versions) as a download, or shown inline
    when `inline`; 404 when the file is missing."""
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    extension = stored.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=f"{slugify(document.title)[:80] or document.key}.{extension}",
        content_type=content_type(stored),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def content_type(stored) -> str:
    return mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
