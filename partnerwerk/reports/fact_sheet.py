"""The fact sheet of a partner city: the city, its partnerships with their history, themes,
SDGs, projects and contacts, and the map. Public facts only for the portal; what the office
user may read for the office. A constant number of queries."""

from django.db.models import Prefetch, Q

from partnerwerk.actors.models import Involvement, Person
from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.places.models import Place
from partnerwerk.projects.models import Project
from partnerwerk.reports.maps import partner_map
from partnerwerk.reports.records import SOURCES
from partnerwerk.reports.scope import Scope
from partnerwerk.sdg.models import SdgTag


def fact_sheet(*, place: Place, scope: Scope) -> dict:
    """The context of the fact sheet's template."""
    if scope.public_only:
        involvements = public_involvements_prefetch()
    else:
        involvements = Prefetch(
            "involvements",
            queryset=Involvement.objects.filter(
                Q(person__isnull=True) | Q(person__in=Person.objects.filter(erased_at__isnull=True))
            )
            .select_related("organisation", "person")
            .order_by("role", "id"),
        )
    partnerships = list(
        scope(Partnership.objects.curated().filter(partner=place))
        .select_related("home", "partner")
        .prefetch_related(
            "themes",
            SOURCES,
            involvements,
            Prefetch(
                "steps",
                queryset=Step.objects.order_by("date", "id").prefetch_related(SOURCES),
                to_attr="all_steps",
            ),
            Prefetch(
                "sdg_tags",
                queryset=SdgTag.objects.select_related("goal").order_by("goal_id", "id"),
            ),
            Prefetch(
                "projects",
                queryset=scope(Project.objects.all())
                .prefetch_related(SOURCES)
                .order_by("title_de", "key"),
            ),
        )
        .order_by("kind", "key")
    )
    projects, goals, themes, contacts = {}, {}, {}, {}
    for partnership in partnerships:
        for step in partnership.all_steps:
            step.partnership = partnership  # the prefetch leaves the way back unset
        for project in partnership.projects.all():
            projects.setdefault(project.pk, project)
        for tag in partnership.sdg_tags.all():
            goals[tag.goal.number] = tag.goal
        for theme in partnership.themes.all():
            themes[theme.code] = theme
        for involvement in partnership.involvements.all():
            actor = involvement.person or involvement.organisation
            entry = contacts.setdefault(
                (type(actor).__name__, actor.pk), {"actor": actor, "roles": []}
            )
            role = involvement.get_role_display()
            if role not in entry["roles"]:
                entry["roles"].append(role)
    # One list of the sources of every partnership, step and project on the sheet: a fact
    # sheet stays on one or two pages.
    records = [*partnerships, *(s for p in partnerships for s in p.all_steps), *projects.values()]
    sources = {source.pk: source for record in records for source in record.sources.all()}
    home = partnerships[0].home if partnerships else None
    return {
        "place": place,
        "partnerships": partnerships,
        "projects": list(projects.values()),
        "goals": [goals[number] for number in sorted(goals)],
        "themes": sorted(themes.values(), key=lambda theme: theme.code),
        "contacts": sorted(contacts.values(), key=lambda entry: str(entry["actor"])),
        "map": partner_map(home, [place]),
        "sources": sorted(sources.values(), key=lambda source: source.title.lower()),
        "public_only": scope.public_only,
    }
