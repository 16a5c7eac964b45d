"""Dates with their precision, for files and for people."""

import datetime

import pytest
from django.utils.translation import override

from partnerwerk.core.dates import display_partial_date, format_partial_date

DAY = datetime.date(1960, 5, 14)


@pytest.mark.parametrize(
    ("precision", "german", "english", "file"),
    [
        ("day", "14. Mai 1960", "May 14, 1960", "1960-05-14"),
        ("month", "Mai 1960", "May 1960", "1960-05"),
        ("year", "1960", "1960", "1960"),
    ],
)
def test_a_date_is_shown_only_as_exactly_as_it_is_known(precision, german, english, file):
    with override("de"):
        assert display_partial_date(DAY, precision) == german
    with override("en"):
        assert display_partial_date(DAY, precision) == english
    assert format_partial_date(DAY, precision) == file


def test_no_date_shows_nothing():
    assert display_partial_date(None, "day") == ""
