"""Standing pages written in the office, the legal pages that were templates, and the
search over partnerships, pages and news."""

import pytest

from partnerwerk.content import services
from partnerwerk.content.models import Page
from partnerwerk.content.tests.factories import make_article, office_user

pytestmark = pytest.mark.django_db


def test_the_imprint_shows_the_text_of_its_former_template_in_both_languages(client, kumasi):
    german = client.get("/imprint/").content.decode()
    english = client.get("/en/imprint/").content.decode()
    assert "Herausgeberin" in german and "freier Software" in german
    assert "Publisher" in english and "GNU Affero General Public License" in english
    assert "Friedensplatz 1" in german  # the office's address, from its record


def test_the_office_changes_the_privacy_statement_and_the_portal_shows_it(client, kumasi):
    privacy = Page.objects.get(key="privacy")
    services.page_save(
        actor=office_user(),
        page=privacy,
        title_de=privacy.title_de,
        title_en=privacy.title_en,
        body_de="<h2>Kommentare</h2><p>Neu: Kommentare zu Nachrichten.</p>",
        body_en=privacy.body_en,
        status="published",
        publish_at=privacy.publish_at,
    )
    assert "Neu: Kommentare zu Nachrichten." in client.get("/privacy/").content.decode()


def test_the_accessibility_statement_keeps_its_feedback_form(client, kumasi):
    page = client.get("/en/accessibility/").content.decode()
    assert "WCAG" in page
    assert 'id="feedback"' in page and 'name="message"' in page


def test_without_any_stored_version_the_legal_pages_show_their_first_version(client, home):
    Page.all_objects.all().delete()
    assert "Natural Earth" in client.get("/en/imprint/").content.decode()
    assert "BITV 2.0" in client.get("/accessibility/").content.decode()


def test_a_topic_page_is_shown_at_its_address_once_published(client, home):
    office = office_user()
    page = services.page_save(
        actor=office, key="klimapartnerschaften", title_de="Klimapartnerschaften", body_de="Text."
    )
    assert client.get("/pages/klimapartnerschaften/").status_code == 404
    services.page_save(
        actor=office, page=page, title_de=page.title_de, body_de="Text.", status="published"
    )
    assert "Klimapartnerschaften" in client.get("/pages/klimapartnerschaften/").content.decode()


def test_the_search_finds_partnerships_pages_and_news(client, kumasi):
    make_article(title_de="Kumasi beschließt den Klimaplan", body_en="Kumasi climate plan.")
    make_article(title_de="Geheimer Entwurf über Kumasi", published=False)
    page = client.get("/search/?q=Kumasi").content.decode()
    assert "Kumasi beschließt den Klimaplan" in page
    assert "/partnerships/dortmund-kumasi-climate/" in page
    assert "Geheimer Entwurf" not in page
    pages = client.get("/en/search/?q=Natural+Earth").content.decode()
    assert 'href="/en/imprint/"' in pages


def test_an_empty_search_shows_only_the_form(client, home):
    page = client.get("/search/").content.decode()
    assert 'name="q"' in page and 'role="status"' not in page


def test_the_portals_footer_links_the_offices_published_pages(client, home):
    office = office_user()
    services.page_save(
        actor=office,
        key="ueber-uns",
        title_de="Über das Büro",
        title_en="About the office",
        status="published",
    )
    services.page_save(actor=office, key="entwurf", title_de="Unfertige Seite")
    german = client.get("/news/").content.decode()
    english = client.get("/en/partnerships/").content.decode()
    assert '<a href="/pages/ueber-uns/">Über das Büro</a>' in german
    assert '<a href="/en/pages/ueber-uns/">About the office</a>' in english
    assert "Unfertige Seite" not in german
