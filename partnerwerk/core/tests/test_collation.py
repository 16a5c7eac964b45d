"""Names sorted as a reader expects them, by the database: without case and accents, ß as ss,
Ł as L, and the same order on every run."""

import pytest
from django.db.models import F

from partnerwerk.core.collation import ReaderCollate, reader_key
from partnerwerk.places.models import Place
from partnerwerk.testing import make_place

NAMES = ["zwickau", "Östersund", "Łódź", "Amiens", "Lodz", "Gießen", "Giessen", "oberhausen"]


def test_a_name_sorts_without_its_case_and_accents():
    assert sorted(NAMES, key=reader_key) == [
        "Amiens",
        "Giessen",
        "Gießen",
        "Lodz",
        "Łódź",
        "oberhausen",
        "Östersund",
        "zwickau",
    ]


@pytest.mark.django_db
def test_the_database_sorts_names_as_the_reader_does():
    for name in NAMES:
        make_place(name=name)
    ordered = Place.objects.order_by(ReaderCollate(F("name")), "pk").values_list("name", flat=True)
    assert list(ordered) == sorted(NAMES, key=reader_key)
    descending = Place.objects.order_by(ReaderCollate(F("name")).desc(), "-pk")
    assert list(descending.values_list("name", flat=True)) == sorted(
        NAMES, key=reader_key, reverse=True
    )
