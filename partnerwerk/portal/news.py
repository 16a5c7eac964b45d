"""News and standing pages on the portal (issue 19): the news list by date, partnership and
goal; one article with its photos and approved comments; an Atom feed per language; a page
the office wrote; the photos' renditions; the search over partnerships, pages and news."""

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from partnerwerk.content import selectors
from partnerwerk.content.files import image_file_response
from partnerwerk.content.richtext import plain_text
from partnerwerk.content.services import RateLimited, comment_submit
from partnerwerk.core.models import localized
from partnerwerk.core.params import bounded_int
from partnerwerk.core.security import client_ip
from partnerwerk.partnerships.selectors import home_public_partnerships
from partnerwerk.portal import facets
from partnerwerk.portal.caching import cached_page
from partnerwerk.portal.forms_content import CommentForm
from partnerwerk.sdg.models import Goal

PAGE_SIZE = 20
FEED_SIZE = 30
SEARCH_LIMIT = 50


def _news_choice(params) -> dict:
    """The list's filters: a partnership (by key) or goal the list does not offer is none."""
    partnerships = selectors.partnerships_with_news()
    by_key = {partnership.key: partnership for partnership in partnerships}
    number = bounded_int(params.get("sdg"), default=None, minimum=1, maximum=17)
    goals = list(Goal.objects.all())
    return {
        "partnership": by_key.get(params.get("partnership", "")),
        "goal": next((goal for goal in goals if goal.number == number), None),
        "partnerships": partnerships,
        "goals": goals,
    }


@require_GET
@cached_page
def news_index(request):
    choice = _news_choice(request.GET)
    articles = selectors.public_articles(partnership=choice["partnership"], goal=choice["goal"])
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "choice": choice,
        "chosen": bool(choice["partnership"] or choice["goal"]),
    }
    return render(request, "portal/news_index.html", context)


@require_http_methods(["GET", "POST"])
def article(request, key: str):
    """One article; a POST is a reader's comment, which waits for the office's approval."""
    if request.method == "GET":
        return _cached_article(request, key=key)
    found = selectors.public_article(key=key)
    if found is None or not found.comments_enabled:
        raise Http404
    form = CommentForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/article.html", _article_context(found, form), status=400)
    try:
        comment_submit(
            article=found,
            ip_address=client_ip(request),
            language=get_language() or "",
            **form.cleaned_data,
        )
    except RateLimited:
        form.add_error(
            None, _("You have sent several comments within the hour. Please try again later.")
        )
        return render(request, "portal/article.html", _article_context(found, form), status=429)
    messages.success(
        request, _("Thank you. Your comment will appear once the office has approved it.")
    )
    return redirect(request.path + "#comments")


def _article_context(found, form) -> dict:
    return {"article": found, "form": form, "privacy_url": reverse("portal:privacy")}


@cached_page
def _cached_article(request, key: str):
    found = selectors.public_article(key=key)
    if found is None:
        raise Http404
    form = CommentForm() if found.comments_enabled else None
    return render(request, "portal/article.html", _article_context(found, form))


class NewsFeed(Feed):
    """The newest public articles as Atom, in the language of the address (/ or /en/)."""

    feed_type = Atom1Feed
    title = gettext_lazy("News of the international partnerships · City of Dortmund")
    subtitle = gettext_lazy("News from the partner cities and projects of the City of Dortmund.")

    def link(self):
        return reverse("portal:news")

    def feed_url(self):
        return reverse("portal:news-feed")

    def items(self):
        return selectors.public_articles()[:FEED_SIZE]

    def item_title(self, item):
        return localized(item, "title")

    def item_description(self, item):
        return localized(item, "lead") or plain_text(localized(item, "body"))[:500]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.publish_at, item.updated_at)

    def item_categories(self, item):
        return [goal.short for goal in item.goals.all()]


news_feed = require_GET(NewsFeed())


@require_GET
def image(request, name: str):
    """A photo's rendition, by its content-addressed name (cached by browsers for a year)."""
    return image_file_response(name)


@require_GET
@cached_page
def page(request, key: str):
    found = selectors.public_page(key=key)
    if found is None:
        raise Http404
    return render(request, "portal/page.html", {"page": found})


@require_GET
@cached_page
def search(request):
    """Partnerships, pages and news that contain the words searched for."""
    query = request.GET.get("q", "").strip()[:200]
    found = {"partnerships": [], "pages": [], "articles": []}
    if query:
        partnerships = facets.search(home_public_partnerships(), query)
        found = selectors.search_content(text=query, limit=SEARCH_LIMIT) | {
            "partnerships": list(partnerships.select_related("partner", "home")[:SEARCH_LIMIT])
        }
    count = sum(len(results) for results in found.values())
    return render(request, "portal/search.html", found | {"query": query, "count": count})
