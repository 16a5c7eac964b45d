"""Reads of pages and news for the portal, its feeds and its search: public ones only, with
what each shows fetched beside them (a page's query count does not grow with its data)."""

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from partnerwerk.content.models import Article, ArticleImage, Comment, Page
from partnerwerk.partnerships.models import Partnership
from partnerwerk.projects.models import Project


def _with_links(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        Prefetch(
            "partnerships",
            queryset=Partnership.objects.public().select_related("partner", "home"),
            to_attr="public_partnerships",
        ),
        Prefetch("projects", queryset=Project.objects.public(), to_attr="public_projects"),
        "goals",
        "images",
    )


def public_articles(*, partnership=None, goal=None, place=None) -> QuerySet:
    """Published news, newest first; of one partnership, one goal or one partner city."""
    articles = Article.objects.public()
    if partnership is not None:
        articles = articles.filter(partnerships=partnership)
    if goal is not None:
        articles = articles.filter(goals=goal)
    if place is not None:
        linked = Partnership.objects.public().filter(partner=place)
        articles = articles.filter(partnerships__in=linked)
    if partnership is not None or place is not None or goal is not None:
        articles = articles.distinct()
    return _with_links(articles.order_by("-publish_at", "-pk"))


def public_article(*, key: str) -> Article | None:
    comments = Prefetch("comments", queryset=Comment.objects.public(), to_attr="public_comments")
    return _with_links(Article.objects.public().filter(key=key)).prefetch_related(comments).first()


def public_page(*, key: str) -> Page | None:
    return Page.objects.public().filter(key=key).first()


def standing_pages() -> list[Page]:
    """The public pages other than the legal ones (those have their own links)."""
    return list(
        Page.objects.public()
        .exclude(key__in=("imprint", "privacy", "accessibility"))
        .order_by("title_de")
    )


def partnerships_with_news() -> list:
    """The partnerships the news list can be filtered by: those with public news."""
    with_news = Article.objects.public().values("partnerships")
    return list(
        Partnership.objects.public()
        .filter(pk__in=with_news)
        .select_related("partner", "home")
        .order_by("partner__name", "key")
    )


def next_publication(*, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """When the next scheduled page or article appears (None: nothing is scheduled); the
    portal's page cache starts afresh then (portal.caching)."""
    now = now or timezone.now()
    times = [
        model.objects.scheduled(now=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
        for model in (Article, Page)
    ]
    times = [moment for moment in times if moment is not None]
    return min(times) if times else None


def _text_filter(text: str, fields: tuple[str, ...]) -> Q:
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": text})
    return condition


def search_content(*, text: str, limit: int = 50) -> dict:
    """Public pages and news whose title, lead or text contains `text`, in either language."""
    text = text.strip()
    if not text:
        return {"pages": [], "articles": []}
    texts = ("title_de", "title_en", "body_de", "body_en")
    pages = Page.objects.public().filter(_text_filter(text, texts)).order_by("title_de")
    articles = (
        Article.objects.public()
        .filter(_text_filter(text, (*texts, "lead_de", "lead_en")))
        .order_by("-publish_at", "-pk")
    )
    return {"pages": list(pages[:limit]), "articles": list(articles[:limit])}


def article_images(article: Article) -> list[ArticleImage]:
    return list(article.images.all())


def public_image(*, digest: str) -> ArticleImage | None:
    """A photo whose article is public (the portal serves nothing else)."""
    return ArticleImage.objects.filter(digest=digest, article__in=Article.objects.public()).first()
