from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerwerk.office.selectors import dashboard
from partnerwerk.testing import make_partnership, make_project, make_source, make_user


def test_the_dashboard_lists_records_lacking_sources_or_goals_without_joining_both(db):
    sources = [make_source(), make_source()]
    complete = make_project(title_de="Vollständig", sources=sources, sdgs=[6, 13])
    no_goal = make_project(title_de="Ohne Ziel", sources=sources)
    no_source = make_partnership(sdgs=[6, 13])
    user = make_user(role="office")

    with CaptureQueriesContext(connection) as captured:
        missing = dashboard(user)["missing"]

    assert complete not in missing["projects"]
    [project] = missing["projects"]
    assert (project, project.has_sources, project.has_goals) == (no_goal, True, False)
    [partnership] = missing["partnerships"]
    assert (partnership, partnership.has_sources, partnership.has_goals) == (no_source, False, True)
    # Sources times tags per record, grouped over every record, grows with the data.
    for query in captured:
        assert not ("sources" in query["sql"] and 'JOIN "sdg_sdgtag"' in query["sql"])
