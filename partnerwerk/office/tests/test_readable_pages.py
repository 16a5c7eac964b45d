"""Every page a person reads, in German, over the reference data: no choice code and no record
key in the visible text (issue 14, item 4). The pages are found by following the links from
the portal's home page and the office's dashboard, as a reader would."""

import re
from urllib.parse import urldefrag, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from lxml import html

from partnerwerk.exchange.reference.loader import load_reference
from partnerwerk.testing import make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db

# Files and machine answers are not pages: downloads, the API, files, the admin, sign-out.
NOT_PAGES = re.compile(
    r"^/(api/|admin/|data/|files/|calendar/|accounts/sign-out|i18n/|static/|media/)"
    r"|\.(csv|xlsx|json|geojson|ics|xml|pdf|png|jpg|svg)$|/file/|/export/"
)
INVISIBLE = ("script", "style", "template", "noscript")
# What a person wrote or named rather than the interface says: text typed into a form, text
# marked as another language (lang="en"), titles of works (<cite>: sources keep their own
# title), quotations of a record's text (<blockquote>) and the records offered in a multiple
# choice.
NOT_INTERFACE = (
    "//textarea | //*[@lang and not(starts-with(@lang, 'de'))] | //cite | //blockquote"
    " | //select[@multiple]/option"
)
MAX_PAGES = 700


@pytest.fixture
def reference(db):
    load_reference(settings.PARTNERWERK_REFERENCE_DIR)


def visible_text(page: str) -> str:
    tree = html.fromstring(page)
    for element in tree.iter(*INVISIBLE):
        element.drop_tree()
    for element in tree.xpath("//*[@hidden]"):
        element.drop_tree()
    for element in tree.xpath(NOT_INTERFACE):
        if element.getparent() is not None and element is not tree:
            element.drop_tree()
    return " ".join(tree.text_content().split())


# Codes that are German words as well ("international vereinbarte Ziele").
GERMAN_WORDS = {"international"}


def choice_codes() -> set[str]:
    """Stored values of every choice field that differ from their German label: what a
    person must never read (`in_kind`, `commitment`, `twinning`, `ongoing`)."""
    codes = set()
    with translation.override("de"):
        for model in apps.get_models():
            if not model.__module__.startswith("partnerwerk."):
                continue
            for field in model._meta.get_fields():
                for value, label in getattr(field, "flatchoices", None) or ():
                    if (
                        isinstance(value, str)
                        and re.fullmatch(r"[a-z][a-z_]{3,}", value)
                        and value.lower() != str(label).lower()
                    ):
                        codes.add(value)
    return codes - GERMAN_WORDS


def record_keys() -> set[str]:
    keys = set()
    for model in apps.get_models():
        if model.__module__.startswith("partnerwerk.") and "key" in {
            field.name for field in model._meta.concrete_fields
        }:
            manager = getattr(model, "all_objects", model.objects)
            keys |= {
                key for key in manager.values_list("key", flat=True) if "-" in key or "_" in key
            }
    return keys


def find_codes(text: str, words: set[str]) -> list[str]:
    tokens = set(re.findall(r"[\w-]+", text))
    return sorted(tokens & words)


def crawl(client, start: str, prefix: str) -> dict[str, str]:
    """Path → visible text of every page reachable from `start` under `prefix`."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code in (200, 302, 403, 404), (path, response.status_code)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            seen[path] = ""
            continue
        page = response.content.decode()
        seen[path] = visible_text(page)
        for link in html.fromstring(page).xpath("//a/@href"):
            target = urldefrag(link).url
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith(prefix):
                continue
            if NOT_PAGES.search(parts.path) or "page=" in parts.query:
                continue
            if parts.path.startswith("/en/"):  # the same pages in English
                continue
            if target not in seen:
                queue.append(target)
    return seen


def offending(pages: dict[str, str]) -> dict[str, list[str]]:
    words = choice_codes() | record_keys()
    found = {path: find_codes(text, words) for path, text in pages.items()}
    return {path: codes for path, codes in found.items() if codes}


def test_no_portal_page_in_german_shows_a_code_or_a_key(client, reference):
    pages = crawl(client, "/", "/")
    pages = {path: text for path, text in pages.items() if not path.startswith("/office/")}

    assert len(pages) > 40
    assert offending(pages) == {}


def test_no_office_page_in_german_shows_a_code_or_a_key(client, reference):
    sign_in_with_two_factors(client, make_user(role="administrator"))

    pages = crawl(client, "/office/", "/office/")

    assert len(pages) > 100
    assert offending(pages) == {}
