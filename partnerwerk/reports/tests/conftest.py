import pytest

from partnerwerk.reports.tests.world import report_world


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return report_world()
