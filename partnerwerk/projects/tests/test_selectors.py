"""Reads of projects and activities."""

import datetime

import pytest

from partnerwerk.projects.selectors import office_activity_agenda
from partnerwerk.testing import make_activity

pytestmark = pytest.mark.django_db


def test_the_agenda_fills_its_limit_with_public_activities_when_internal_ones_are_left_out():
    make_activity(key="internal-first", start_date=datetime.date(2025, 1, 1), visibility="internal")
    make_activity(key="public-later", start_date=datetime.date(2025, 2, 1))

    public = office_activity_agenda(include_internal=False, limit=1)
    everything = office_activity_agenda(include_internal=True, limit=1)

    assert [a.key for a in public] == ["public-later"]
    assert [a.key for a in everything] == ["internal-first"]
