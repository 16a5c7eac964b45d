"""The office pages of open data (downloads and the import page), under /office/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnerwerk.office.navigation import NAVIGATION, NavigationEntry
from partnerwerk.office.views import background
from partnerwerk.office.views import open_data as exchange

urlpatterns = [
    path("open-data/", exchange.open_data, name="open-data"),
    path("open-data/import/", exchange.import_page, name="import"),
    path("open-data/import/<uuid:task_id>/", background.import_state, name="import-state"),
    path("open-data/prepared/", background.prepared_list, name="prepared-exports"),
    path("open-data/prepared/<str:name>", background.prepared_download, name="prepared-download"),
    path("open-data/prepare/", background.export_prepare, name="open-data-prepare"),
    path("open-data/<slug:dataset>.<slug:format>", exchange.download, name="open-data-download"),
]

entry = NavigationEntry("office:open-data", _("Open data"))
if entry not in NAVIGATION:
    NAVIGATION.append(entry)
