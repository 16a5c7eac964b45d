"""The one rich-text rule of pages and news: a small subset of HTML, everything else removed.

Editors write paragraphs separated by an empty line and may use headings, lists, links,
bold and italic. nh3 (the Rust sanitiser ammonia) keeps only that subset: no script, no
style, no event handlers, no frames, no images inside the text (images are attached with an
alternative text and a credit), and links only to http, https, mailto or an address on this
site. The text is cleaned when it is saved and again when it is shown.
"""

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "b", "i", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
BLOCK = re.compile(r"<\s*(p|h2|h3|ul|ol|blockquote)\b", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
TAG = re.compile(r"<[^>]*>")


def _paragraphs(text: str) -> str:
    """Plain text as paragraphs: an empty line starts a new one, a line break stays."""
    parts = [part.strip() for part in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n"))]
    return "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in parts if part)


def clean(text: str) -> str:
    """The safe HTML of an editor's text (plain paragraphs or the allowed tags)."""
    text = (text or "").strip()
    if not text:
        return ""
    if not BLOCK.search(text):
        text = _paragraphs(text)
    return nh3.clean(
        text,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style"},
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def rich_text(text: str) -> SafeString:
    """For templates: the cleaned text, marked safe because it was just cleaned."""
    return mark_safe(clean(text))  # noqa: S308 - nh3 removed everything outside the subset


def plain_text(text: str) -> str:
    """The words of a text without any markup (feeds' summaries, search excerpts)."""
    words = TAG.sub(" ", clean(text))
    return " ".join(html.unescape(words).split())
