"""Photos of articles: resized to the portal's widths as WebP and JPEG, named by their
content, stripped of metadata; files that are no photos are refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from partnerwerk.content import images, services
from partnerwerk.content.tests.factories import make_article, office_user, photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _add(article, upload):
    return services.article_add_image(
        actor=office_user(),
        article=article,
        upload=upload,
        credit="Bild: Stadt Dortmund",
        alt_text_de="Zwei Menschen vor dem Rathaus",
        alt_text_en="Two people in front of the town hall",
    )


def test_a_photo_is_stored_at_the_portals_widths_as_webp_and_jpeg():
    image = _add(make_article(), photo(width=2400, height=1600))
    assert image.widths == [480, 960, 1600]
    for width in image.widths:
        for extension, format_name in (("webp", "WEBP"), ("jpg", "JPEG")):
            path = images.rendition_path(image.rendition_name(width, extension))
            with default_storage.open(path) as handle, Image.open(handle) as stored:
                assert stored.format == format_name
                assert stored.width == width
                assert stored.height == round(1600 * width / 2400)


def test_a_small_photo_is_never_enlarged():
    image = _add(make_article(), photo(width=300, height=200, format="PNG", name="klein.png"))
    assert image.widths == [300]


def test_the_same_photo_has_the_same_names_and_another_photo_other_names():
    article = make_article()
    first = _add(article, photo())
    again = _add(article, photo())
    other = _add(article, photo(width=1000))
    assert first.digest == again.digest
    assert other.digest != first.digest


def test_camera_metadata_does_not_reach_the_renditions():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x8298] = "Secret Photographer"  # Copyright
    exif[0x010F] = "CameraMaker"  # Make
    Image.new("RGB", (800, 600), (200, 10, 10)).save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("exif.jpg", buffer.getvalue(), content_type="image/jpeg")
    image = _add(make_article(), upload)
    path = images.rendition_path(image.rendition_name(480, "jpg"))
    with default_storage.open(path) as handle:
        assert b"Secret Photographer" not in handle.read()


def test_a_file_that_is_no_photo_is_refused_with_a_message():
    upload = SimpleUploadedFile("evil.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        _add(make_article(), upload)
    assert "not a photo" in " ".join(error.value.messages)


def test_a_gif_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    upload = SimpleUploadedFile("a.gif", buffer.getvalue(), content_type="image/gif")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        _add(make_article(), upload)
    assert "JPEG, PNG or WebP" in " ".join(error.value.messages)
