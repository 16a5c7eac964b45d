"""Whole-page caching of the public portal, per language, invalidated on every change.

A page is stored under the current *content generation* (core.caching); any save or delete of
a domain record (through the office, the admin, the API or an import) starts a new generation,
so no visitor sees a page older than the last change. The cache is shared by all server processes
(settings.CACHES), so a change made in one worker is seen by all. Decision record 0016.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from partnerwerk.content.models import Comment, CommentStatus
from partnerwerk.content.selectors import next_publication
from partnerwerk.core.caching import content_changed, content_generation

# Pages also show "latest activities" relative to today, so none is kept longer than this.
PAGE_SECONDS = 600
# Apps whose records appear on public pages.
CONTENT_APPS = {
    "action_programmes",
    "actors",
    "content",
    "core",
    "documents",
    "partnerships",
    "places",
    "programmes",
    "projects",
    "registry",
    "sdg",
}


def _on_change(sender, **kwargs):
    # A reader's comment waiting for moderation shows nowhere: it must not empty the cache.
    instance = kwargs.get("instance")
    if getattr(instance, "status", None) == CommentStatus.PENDING and sender is Comment:
        return
    if sender._meta.app_label in CONTENT_APPS:
        content_changed()
        # Once more when the change is committed: a visitor who asked between the save and
        # the commit may have had a page or file of the old rows stored under the new
        # generation (decision 0038). Outside a transaction this runs at once.
        transaction.on_commit(content_changed)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"portal-cache-{signal!r}")


# No scheduled publication: the generation stays until the next change.
NEVER = float("inf")


def page_generation() -> str:
    """The content generation, started afresh when a scheduled page or article's time has
    come: a publication changes what the portal shows without any save, and no cron job
    is needed. The time of the next publication is kept beside each generation, so a page
    served from the cache costs no query."""
    generation = content_generation()
    due_key = f"portal:next-publication:{generation}"
    due = cache.get(due_key)
    if due is None:
        moment = next_publication()
        due = moment.timestamp() if moment else NEVER
        cache.set(due_key, due, 24 * 3600)
    if timezone.now().timestamp() >= due:
        generation = content_changed()
    return generation


def _cacheable_request(request) -> bool:
    """Anonymous visitors without a session or pending messages all see the same page (unless
    the setting PARTNERWERK_CACHE_ANSWERS turns the cache off)."""
    return (
        settings.PARTNERWERK_CACHE_ANSWERS
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def cached_page(view):
    """Serve the view's page from the cache; a page with cookies or errors is never stored."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = f"portal:page:{page_generation()}:{get_language()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Set-Cookie")
        ):
            cache.set(key, (response.content, response["Content-Type"]), PAGE_SECONDS)
        return response

    return wrapper
