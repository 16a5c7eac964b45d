"""Tags of the news pages: a photo at the widths the browser needs, WebP first."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language

from partnerwerk.content.richtext import rich_text as clean_rich_text
from partnerwerk.content.selectors import standing_pages
from partnerwerk.core.models import localized, localized_text
from partnerwerk.portal.caching import page_generation

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


PUBLIC_NAMESPACES = {"portal", "registry"}


@register.simple_tag(takes_context=True)
def standing_page_links(context) -> list[dict]:
    """The office's own pages for the portal's footer (title and address), kept in the cache
    under the page generation, so they cost a query only when the content changed. The
    office's and the admin's pages, which share the footer, list none."""
    match = getattr(context.get("request"), "resolver_match", None)
    if match is None or match.namespace not in PUBLIC_NAMESPACES:
        return []
    if not settings.PARTNERWERK_CACHE_ANSWERS:
        return _links()
    key = f"portal:standing-pages:{page_generation()}:{get_language()}"
    links = cache.get(key)
    if links is None:
        links = _links()
        cache.set(key, links, 24 * 3600)
    return links


def _links() -> list[dict]:
    return [
        {"title": localized(page, "title"), "url": page.get_absolute_url()}
        for page in standing_pages()
    ]
