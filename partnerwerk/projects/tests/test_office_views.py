"""The office calendar and money pages of projects."""

import datetime

import pytest
from django.urls import reverse

from partnerwerk.core.testing import (
    make_activity,
    make_partnership,
    make_user,
    sign_in_with_two_factors,
)

pytestmark = pytest.mark.django_db


def test_the_month_counts_only_the_activities_a_counterpart_may_see(client):
    partnership = make_partnership()
    on = datetime.date(2025, 7, 9)
    make_activity(
        title_de="Offen", partnerships=[partnership], start_date=on, start_precision="day"
    )
    make_activity(
        title_de="Geheimtreffen",
        partnerships=[partnership],
        start_date=on,
        start_precision="day",
        visibility="internal",
    )
    make_activity(
        title_de="Geheimtreffen im Juli",
        start_date=datetime.date(2025, 7, 1),
        start_precision="month",
        visibility="internal",
    )
    sign_in_with_two_factors(client, make_user(role="counterpart", partnership=partnership))

    response = client.get(reverse("office:calendar"), {"year": 2025, "month": 7})

    month = response.context["month"]
    shown = {a.pk for week in month["weeks"] for _day, items in week for a in items}
    shown |= {a.pk for a in month["undated_days"]}
    assert month["count"] == len(shown) == 1
    assert "Geheimtreffen" not in response.content.decode()
