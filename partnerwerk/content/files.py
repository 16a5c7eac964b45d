"""One way to hand out a photo's rendition (portal and office): by its content-addressed
name, after checking its article is public (unless the office previews a draft)."""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from partnerwerk.content import images
from partnerwerk.content.models import ArticleImage
from partnerwerk.content.selectors import public_image

NAME = re.compile(r"^(?P<digest>[0-9a-f]{64})-(?P<width>[0-9]{1,5})\.(?P<extension>webp|jpg)$")
# A name always means the same picture (images.RENDITION_VERSION), so a browser may keep it.
YEAR = 365 * 24 * 3600


def image_file_response(name: str, *, public_only: bool = True) -> FileResponse:
    """The rendition called `name`; 404 for an unknown name, width or a non-public article.
    Public renditions are cached for a year; the office's previews not at all."""
    match = NAME.match(name)
    if match is None:
        raise Http404
    digest, width = match["digest"], int(match["width"])
    if public_only:
        image = public_image(digest=digest)
    else:
        image = ArticleImage.objects.filter(digest=digest).first()
    if image is None or width not in image.widths:
        raise Http404
    try:
        handle = default_storage.open(images.rendition_path(name), "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=images.content_type(match["extension"]))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if public_only:
        response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
