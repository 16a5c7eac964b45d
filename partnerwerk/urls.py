from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from partnerwerk.api.api import api
from partnerwerk.api.api import not_found as api_not_found
from partnerwerk.core import views as core_views
from partnerwerk.portal import news as portal_news

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),  # after every operation: JSON, not the HTML 404
    path("healthz", core_views.health, name="health"),
    path("readyz", core_views.ready, name="ready"),
    path("calendar/", include("partnerwerk.exchange.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Photos of news by content-addressed name: one address in every language (issue 19).
    path("news-images/<str:name>", portal_news.image, name="news-image"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("partnerwerk.accounts.urls")),
    path("office/", include("partnerwerk.office.urls")),
    path("registry/", include("partnerwerk.portal.registry_urls")),
    path("", include("partnerwerk.portal.urls")),
    prefix_default_language=False,
)
