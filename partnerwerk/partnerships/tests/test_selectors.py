from partnerwerk.partnerships.models import Partnership
from partnerwerk.partnerships.selectors import partnership_filter
from partnerwerk.sdg.models import SdgTag
from partnerwerk.testing import make_partnership, make_theme


def test_filtering_by_theme_and_goal_finds_a_partnership_once_without_joining_tags(db):
    water = make_theme(code="water", name_de="Wasser", name_en="Water")
    partnership = make_partnership(themes=[water], sdgs=[6])
    SdgTag.objects.create(partnership=partnership, goal_id=6, target_id="6.1")
    SdgTag.objects.create(partnership=partnership, goal_id=6, target_id="6.2")
    make_partnership(themes=[water], sdgs=[13])

    found = partnership_filter(Partnership.objects.all(), theme="water", sdg=6)

    assert list(found) == [partnership]
    # Rows of themes times rows of tags would need DISTINCT, and cost what the planner guesses.
    sql = str(found.query)
    assert 'JOIN "sdg_sdgtag"' not in sql
    assert 'JOIN "partnerships_partnership_themes"' not in sql
