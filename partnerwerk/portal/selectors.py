"""Reads that compose a portal page from records of several apps."""

from django.db.models import Prefetch

from partnerwerk.actors.selectors import public_involvements_prefetch
from partnerwerk.documents.selectors import public_photos_prefetch
from partnerwerk.partnerships.models import Partnership, Step
from partnerwerk.partnerships.selectors import home_public_partnerships
from partnerwerk.places.models import Place
from partnerwerk.projects.models import Project
from partnerwerk.sdg.models import SdgTag


def _partnership_prefetches() -> list:
    """What a partnership shows on a public page: its steps with their sources, themes,
    sources, SDGs, public projects, public involvements and public photos."""
    return [
        Prefetch(
            "steps",
            queryset=Step.objects.order_by("date", "id").prefetch_related("sources"),
        ),
        "themes",
        "sources",
        Prefetch("sdg_tags", queryset=SdgTag.objects.select_related("goal", "target")),
        Prefetch(
            "projects",
            queryset=Project.objects.public()
            .prefetch_related(public_photos_prefetch())
            .order_by("title_de"),
        ),
        public_involvements_prefetch(),
        public_photos_prefetch(),
    ]


def partner_place_detail(*, geonames_id: int) -> Place | None:
    """One partner city with everything its public page shows, fetched in a fixed number of
    queries: partnerships with steps, sources, themes, SDGs, projects, involvements, photos."""
    partnerships = (
        home_public_partnerships()
        .select_related("succeeds", "succeeds__partner")
        .prefetch_related(*_partnership_prefetches())
        .order_by("kind", "key")
    )
    return (
        Place.objects.filter(geonames_id=geonames_id, partner_partnerships__in=partnerships)
        .distinct()
        .prefetch_related(
            "sources",
            Prefetch("partner_partnerships", queryset=partnerships, to_attr="public_partnerships"),
        )
        .first()
    )


def public_partnership_detail(*, key: str) -> Partnership | None:
    """One of the city's public partnerships with everything its page shows, in a fixed number
    of queries; `earlier` and `later` are the public partnerships it grew out of and into."""
    partnership = (
        home_public_partnerships()
        .filter(key=key)
        .select_related("home", "partner")
        .prefetch_related(
            *_partnership_prefetches(),
            Prefetch(
                "successors",
                queryset=home_public_partnerships().order_by("kind", "key"),
                to_attr="later",
            ),
        )
        .first()
    )
    if partnership is None:
        return None
    earlier = home_public_partnerships().filter(pk=partnership.succeeds_id)
    partnership.earlier = earlier.first() if partnership.succeeds_id else None
    return partnership
