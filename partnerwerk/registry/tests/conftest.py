from pathlib import Path

import pytest

from partnerwerk.registry.services import twin_cities_import

EXCERPT = Path(__file__).parent / "data" / "twin_cities_excerpt.csv"


@pytest.fixture
def imported(db):
    """The excerpt of the real twin-cities file, imported."""
    return twin_cities_import(path=EXCERPT)
