"""The annual report on international relations: the period's records as the report's
sections and numbered figures (the appendix lists the records behind each figure)."""

import datetime
from collections import defaultdict

from django.utils import formats
from django.utils.translation import gettext as _

from partnerwerk.partnerships.models import START_KINDS, StepKind
from partnerwerk.reports.charts import money_bars
from partnerwerk.reports.evidence import Figures
from partnerwerk.reports.maps import partner_map
from partnerwerk.reports.money import period_money
from partnerwerk.reports.records import period_records
from partnerwerk.reports.scope import Scope
from partnerwerk.reports.sdg_review import goal_rows, goal_streams, sdg_chart

SIGNING_KINDS = tuple(kind for kind in START_KINDS if kind != StepKind.START)


def euros(value) -> str:
    return f"{formats.number_format(value, 2, use_l10n=True, force_grouping=True)} EUR"


def annual_report(*, start: datetime.date, end: datetime.date, scope: Scope) -> dict:
    """The context of the annual report's template."""
    records = period_records(start=start, end=end, scope=scope)
    money = period_money(records.transactions, records.partnerships)
    goals = goal_rows(records, money_rule=money)
    figures = Figures()
    all_steps = [step for steps in records.steps.values() for step in steps]
    signings = [step for step in all_steps if step.kind in SIGNING_KINDS]
    signed = [*signings, *records.documents]
    summary = [
        figures.add(
            _("Partnerships in the period"), len(records.partnerships), records.partnerships
        ),
        figures.add(_("Steps of partnerships in the period"), len(all_steps), all_steps),
        figures.add(
            _("Activities"),
            records.activity_count,
            records.activities,
            [records.activities_in_period] if records.summary else [],
        ),
        figures.add(_("Projects"), len(records.projects), records.projects),
        figures.add(_("Money spent (in euros)"), euros(money.cash_total), money.spent),
        figures.add(
            _("In-kind contributions (estimated value)"),
            _("%(count)s, valued at %(value)s")
            % {"count": money.in_kind_count, "value": euros(money.in_kind_total)},
            money.in_kind,
        ),
        figures.add(_("Agreements and certificates signed"), len(signed), signed),
        figures.add(
            _("Goals served (of 17)"),
            sum(1 for row in goals if row["records"]),
            [record for row in goals for record in row["record_list"]],
            goal_streams(records, goals),
        ),
    ]
    activities, projects = defaultdict(list), defaultdict(list)
    for activity in records.activities:
        for partnership in activity.report_partnerships:
            activities[partnership.pk].append(activity)
    for project in records.projects:
        for partnership in project.partnerships.all():
            projects[partnership.pk].append(project)
    sections, quiet = [], []
    for partnership in records.partnerships:
        months = records.activity_months.get(partnership.pk, [])
        if not (
            records.steps[partnership.pk]
            or activities[partnership.pk]
            or months
            or projects[partnership.pk]
        ):
            quiet.append(partnership)
            continue
        sections.append(
            {
                "partnership": partnership,
                "steps": records.steps[partnership.pk],
                "activities": activities[partnership.pk],
                "activity_months": months,
                "activity_total": sum(count for _month, count in months),
                "projects": projects[partnership.pk],
                "goals": sorted(
                    {tag.goal for tag in records.tags_of("partnership", partnership)},
                    key=lambda g: g.number,
                ),
            }
        )
    home = records.partnerships[0].home if records.partnerships else None
    return {
        "start": start,
        "end": end,
        "records": records,
        "summary": summary,
        "sections": sections,
        "quiet": quiet,
        "money": money,
        "money_chart": money_bars(money.by_partnership),
        "goals": goals,
        "sdg_chart": sdg_chart(goals),
        "map": partner_map(home, [p.partner for p in records.partnerships]),
        "figures": figures.items,
        "signings": signings,
        "summary_mode": records.summary,
    }
