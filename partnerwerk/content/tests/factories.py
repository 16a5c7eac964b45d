"""Articles, pages and photos for tests, written through the services as the office would."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from partnerwerk.content import services
from partnerwerk.content.models import Publication
from partnerwerk.testing import make_user


def office_user():
    return make_user(role="office")


def photo(*, width: int = 1200, height: int = 800, format: str = "JPEG", name="photo.jpg"):
    """An upload of a synthetic photo (a plain colour) of the given size."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 110, 160)).save(buffer, format=format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_article(*, actor=None, published=True, at=None, **overrides):
    """A news article, published an hour ago unless told otherwise."""
    fields = {
        "title_de": "Neuigkeit aus der Partnerschaft",
        "title_en": "News from the partnership",
        "lead_de": "Ein kurzer Vorspann.",
        "lead_en": "A short lead.",
        "body_de": "Der Text der Nachricht.",
        "body_en": "The text of the news.",
        "status": Publication.PUBLISHED if published else Publication.DRAFT,
        "publish_at": at or timezone.now() - datetime.timedelta(hours=1),
    }
    fields.update(overrides)
    return services.article_save(actor=actor or office_user(), **fields)
