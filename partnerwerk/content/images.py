"""Photos of news articles: checked, turned upright, stripped of their metadata and resized
to the widths the portal shows, as WebP and as JPEG for browsers without WebP.

A rendition's name is the digest of the uploaded file and its width
(`<sha256>-960.webp`): the same name always means the same picture, so the portal serves
them with a cache lifetime of a year. Nothing is served from MEDIA_ROOT directly; the portal
checks that the article is public first (portal.news.image).
"""

import hashlib
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The widths the portal's pages use: a list's teaser, the article column, a wide screen.
WIDTHS = (480, 960, 1600)
FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; larger files are refused before decoding
FOLDER = "content/images"
# Part of the digest: a change of how renditions are made gives new names, so no browser
# keeps an old rendition under a name that now means a new one.
RENDITION_VERSION = b"renditions-1"
EXTENSIONS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}


@dataclass(frozen=True)
class Processed:
    digest: str
    width: int
    height: int
    widths: list[int]


def _open(data: bytes) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in FORMATS:
                raise ValidationError(
                    _("The photo must be a JPEG, PNG or WebP file."), code="image_format"
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."), code="image_size")
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not a photo that can be read."), code="image"
        ) from None
    return image


def rendition_path(name: str) -> str:
    return f"{FOLDER}/{name}"


def process_upload(upload) -> Processed:
    """Store the renditions of an uploaded photo and return its digest and sizes."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 15 MB."), code="image_bytes")
    data = upload.read()
    image = ImageOps.exif_transpose(_open(data))
    image = image.convert("RGB")
    digest = hashlib.sha256(RENDITION_VERSION + data).hexdigest()
    widths = [width for width in WIDTHS if width < image.width] or [image.width]
    if image.width > widths[-1] and len(widths) < len(WIDTHS):
        widths.append(image.width)
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for extension, (format_name, _type) in EXTENSIONS.items():
            path = rendition_path(f"{digest}-{width}.{extension}")
            if default_storage.exists(path):
                continue
            buffer = io.BytesIO()
            resized.save(buffer, format=format_name, quality=82)
            default_storage.save(path, ContentFile(buffer.getvalue()))
    return Processed(digest=digest, width=image.width, height=image.height, widths=widths)


def content_type(extension: str) -> str:
    return EXTENSIONS[extension][1]
