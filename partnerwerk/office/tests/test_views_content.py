"""Pages and news in the back office: the office writes an article in German and English,
previews it, saves it as a draft or schedules it, adds a photo, reads and restores its
history and moderates comments; other roles may not."""

import datetime

import pytest
from django.utils import timezone

from partnerwerk.content import services
from partnerwerk.content.models import Article, Comment, CommentStatus, Page, PublicationState
from partnerwerk.content.tests.factories import make_article, photo
from partnerwerk.testing import make_active_partnership, make_user, sign_in_with_two_factors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def office(client):
    user = make_user(role="office")
    sign_in_with_two_factors(client, user)
    return user


def _article_data(**changes) -> dict:
    data = {
        "title_de": "Kumasi beschließt den Klimaplan",
        "title_en": "Kumasi adopts its climate plan",
        "key": "",
        "lead_de": "Der Rat hat entschieden.",
        "lead_en": "The council has decided.",
        "body_de": "Erster Absatz.\n\nZweiter Absatz.",
        "body_en": "First paragraph.\n\nSecond paragraph.",
        "status": "draft",
        "publish_at": "",
    }
    data.update(changes)
    return data


def test_the_office_previews_an_article_in_both_languages_without_saving_it(client, office):
    response = client.post(
        "/en/office/content/articles/new/",
        _article_data(action="preview", body_de="Text <script>alert(1)</script>"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing is saved yet." in page
    assert "Kumasi adopts its climate plan" in page and "Kumasi beschließt den Klimaplan" in page
    assert "<script>alert(1)</script>" not in page
    assert not Article.objects.exists()


def test_the_office_schedules_an_article_about_a_partnership(client, office):
    partnership = make_active_partnership(visibility="public")
    response = client.post(
        "/en/office/content/articles/new/",
        _article_data(
            action="save",
            status="published",
            publish_at="2099-05-14T09:00",
            partnerships=[partnership.pk],
            goals=["13"],
        ),
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/office/content/articles/{article.pk}/"
    assert article.state == PublicationState.SCHEDULED
    assert timezone.localtime(article.publish_at).strftime("%Y-%m-%d %H:%M") == "2099-05-14 09:00"
    assert list(article.partnerships.all()) == [partnership]
    assert article.body_de == "<p>Erster Absatz.</p><p>Zweiter Absatz.</p>"
    listing = client.get("/en/office/content/").content.decode()
    assert "scheduled" in listing


def test_the_german_office_reads_publication_states_by_name(client, office):
    make_article(title_de="Geplant", at=timezone.now() + datetime.timedelta(days=1))
    page = client.get("/office/content/").content.decode()
    assert "geplant" in page
    assert "scheduled" not in page


def test_the_office_adds_and_removes_a_photo(client, office):
    article = make_article()
    response = client.post(
        f"/en/office/content/articles/{article.pk}/images/",
        {
            "upload": photo(),
            "credit": "Bild: Stadt Dortmund",
            "alt_text_de": "Der Rat tagt",
            "alt_text_en": "The council in session",
        },
    )
    assert response.status_code == 302
    image = article.images.get()
    edit = client.get(f"/en/office/content/articles/{article.pk}/").content.decode()
    assert "The council in session" in edit
    thumbnail = client.get(f"/en/office/content/images/{image.thumbnail_name}")
    assert thumbnail.status_code == 200
    assert "no-store" in thumbnail["Cache-Control"]
    client.post(f"/en/office/content/articles/{article.pk}/images/{image.pk}/remove/")
    assert not article.images.exists()


def test_a_photo_without_a_credit_is_refused_naming_the_field(client, office):
    article = make_article()
    response = client.post(
        f"/en/office/content/articles/{article.pk}/images/",
        {"upload": photo(), "credit": "", "alt_text_de": "Der Rat tagt"},
    )
    assert response.status_code == 400
    assert (
        'id="id_credit_error"' in response.content.decode() or "credit" in response.content.decode()
    )
    assert not article.images.exists()


def test_the_office_restores_an_earlier_version_of_the_imprint(client, office):
    imprint = Page.objects.get(key="imprint")
    first = imprint.history.get().history_id
    services.page_save(
        actor=office, page=imprint, title_de="Impressum", body_de="Falsch.", status="published"
    )
    history = client.get(f"/en/office/content/pages/{imprint.pk}/history/").content.decode()
    assert "Restore this version" in history
    client.post(f"/en/office/content/pages/{imprint.pk}/history/{first}/restore/")
    imprint.refresh_from_db()
    assert "freier Software" in imprint.body_de
    assert imprint.history.count() == 3


def test_the_office_moderates_comments(client, office):
    article = make_article(comments_enabled=True)
    kind = services.comment_submit(article=article, ip_address="192.0.2.1", name="A", text="Gut")
    spam = services.comment_submit(article=article, ip_address="192.0.2.2", name="B", text="Spam")
    page = client.get("/en/office/content/comments/").content.decode()
    assert "Gut" in page and "Spam" in page
    client.post("/en/office/content/comments/", {"comment": kind.pk, "approve": "1"})
    client.post("/en/office/content/comments/", {"comment": spam.pk, "approve": "0"})
    statuses = dict(Comment.objects.values_list("text", "status"))
    assert statuses == {"Gut": CommentStatus.APPROVED, "Spam": CommentStatus.REJECTED}
    assert Comment.objects.get(pk=kind.pk).moderated_by == office


@pytest.mark.parametrize("role", ["viewer", "department_editor"])
def test_other_roles_may_not_write_news_or_moderate(client, role):
    from partnerwerk.testing import make_organisation

    organisation = make_organisation() if role == "department_editor" else None
    user = make_user(role=role, organisation=organisation)
    sign_in_with_two_factors(client, user)
    assert client.get("/en/office/content/").status_code == 403
    assert client.post("/en/office/content/articles/new/", _article_data()).status_code == 403
    assert client.get("/en/office/content/comments/").status_code == 403
    assert not Article.objects.exists()


def test_the_office_deletes_an_article_and_restores_it(client, office):
    article = make_article(title_de="Zurückgezogen", title_en="Withdrawn")
    assert client.get(f"/news/{article.key}/").status_code == 200
    confirm = client.get(f"/en/office/content/articles/{article.pk}/delete/")
    assert "Yes, delete" in confirm.content.decode()
    client.post(f"/en/office/content/articles/{article.pk}/delete/")
    assert client.get(f"/news/{article.key}/").status_code == 404
    listing = client.get("/en/office/content/").content.decode()
    assert "Restore “Withdrawn”" in listing
    client.post(f"/en/office/content/articles/{article.pk}/restore/")
    assert client.get(f"/news/{article.key}/").status_code == 200


def test_the_imprint_cannot_be_deleted(client, office):
    imprint = Page.objects.get(key="imprint")
    response = client.post(f"/en/office/content/pages/{imprint.pk}/delete/", follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Page.objects.filter(key="imprint").exists()
