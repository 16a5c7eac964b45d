"""The dashboard's quick actions and counts. Each action is offered only to users who may do
it, checked with the permission of the page it opens; each count only to users who may open
its list, and it links there."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from partnerwerk.office.kinds import KINDS

# The records the dashboard offers to add, in this order.
NEW_RECORDS = {
    "partnerships": _("New partnership"),
    "projects": _("New project"),
    "activities": _("New activity"),
    "documents": _("New document"),
}
# The number of the city's own records of each list, as a reader says it: "1 Projekt",
# "24.627 Partnerschaften" (the plural from `count`, the digits grouped in `shown`).
COUNT_TEXTS = {
    "partnerships": ngettext_lazy("%(shown)s partnership", "%(shown)s partnerships", "count"),
    "projects": ngettext_lazy("%(shown)s project", "%(shown)s projects", "count"),
    "activities": ngettext_lazy("%(shown)s activity", "%(shown)s activities", "count"),
    "documents": ngettext_lazy("%(shown)s document", "%(shown)s documents", "count"),
    "organisations": ngettext_lazy("%(shown)s organisation", "%(shown)s organisations", "count"),
    "people": ngettext_lazy("%(shown)s person", "%(shown)s people", "count"),
}


def _add_permission(slug: str) -> str:
    """The permission record_new checks for a record added to nothing in particular."""
    kind = KINDS[slug]
    return kind.add_permission or kind.permission("add")


def number_text(template, count: int) -> str:
    """A plural text with its number grouped in the reader's way (24.627, 24,627)."""
    shown = formats.number_format(count, use_l10n=True, force_grouping=True)
    return template % {"count": count, "shown": shown}


def quick_actions(user, *, pending_steps: int) -> list[dict]:
    """The links of the dashboard's quick actions the user may follow (label and address)."""
    actions = [
        {"label": label, "url": reverse(f"office:{slug}-new")}
        for slug, label in NEW_RECORDS.items()
        if user.has_perm(_add_permission(slug))
    ]
    if pending_steps and user.has_perm("partnerships.confirm_step"):
        label = number_text(
            ngettext_lazy(
                "Confirm %(shown)s proposed step", "Confirm %(shown)s proposed steps", "count"
            ),
            pending_steps,
        )
        actions.append({"label": label, "url": "#pending-steps"})
    if user.has_perm("projects.add_project"):  # the import page's permission
        actions.append({"label": _("Import a spreadsheet"), "url": reverse("office:import")})
    if user.has_perm("office.enter"):
        actions.append({"label": _("Download open data"), "url": reverse("office:open-data")})
    return actions


def step_action_label(user) -> str:
    """Office staff add a step in force; everyone else proposes one (see kinds._step_create)."""
    return _("Add a step") if user.has_perm("partnerships.add_step") else _("Propose a step")


def record_counts(user, counts: dict[str, int]) -> list[dict]:
    """The counts of the city's own records as texts, each linking to its list, for the
    lists the user may open."""
    return [
        {"text": number_text(COUNT_TEXTS[slug], count), "url": reverse(f"office:{slug}")}
        for slug, count in counts.items()
        if user.has_perm(KINDS[slug].list_permission)
    ]
