"""Tags of the news pages: a photo at the widths the browser needs, WebP first."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from partnerwerk.content.richtext import rich_text as clean_rich_text
from partnerwerk.core.models import localized_text

register = template.Library()


def _srcset(image, extension: str) -> str:
    return ", ".join(
        f"{reverse('news-image', args=[image.rendition_name(width, extension)])} {width}w"
        for width in image.srcset_widths
    )


@register.simple_tag
def news_picture(image, sizes: str = "(min-width: 60rem) 50rem, 100vw", lazy: bool = True):
    """A <picture> of an article's photo: WebP renditions, JPEG for older browsers, its
    alternative text in the reader's language (or German, marked with its language)."""
    alt = localized_text(image, "alt_text")
    middle = sorted(image.widths)[min(1, len(image.widths) - 1)]
    height = round(image.height * middle / image.width)
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}></picture>',
        _srcset(image, "webp"),
        sizes,
        reverse("news-image", args=[image.rendition_name(middle, "jpg")]),
        _srcset(image, "jpg"),
        sizes,
        middle,
        height,
        alt.text,
        format_html(' lang="{}"', alt.language) if alt.fallback else "",
        format_html(' loading="lazy"') if lazy else "",
    )


@register.filter
def rich_text(text: str):
    """An editor's text, cleaned again on the way out (content.richtext)."""
    return clean_rich_text(text)
