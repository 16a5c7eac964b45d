"""The SDG review in the style of a Voluntary Local Review: per goal and target what the
city's international work contributed in the period, with the partnerships, projects,
activities and money behind each figure, principal and significant apart, and the goals
without any contribution named."""

import datetime
from decimal import Decimal

from partnerwerk.reports.evidence import Figures
from partnerwerk.reports.money import ZERO, period_money
from partnerwerk.reports.records import PeriodRecords, period_records
from partnerwerk.reports.scope import Scope
from partnerwerk.sdg.charts import overview_chart
from partnerwerk.sdg.models import Goal, Significance

KINDS = ("partnership", "project", "activity")
PRINCIPAL, SIGNIFICANT = Significance.PRINCIPAL, Significance.SIGNIFICANT


def _strongest(tags, goal_number: int) -> str | None:
    found = [tag.significance for tag in tags if tag.goal_id == goal_number]
    if not found:
        return None
    return PRINCIPAL if PRINCIPAL in found else SIGNIFICANT


def _money_subjects(transaction) -> list[tuple[str, int]]:
    """The tagged records a transaction's money counts for: its project (also through its
    activity); without a project, its activity and the activity's partnerships."""
    project_id = transaction.project_id or (
        transaction.activity.project_id if transaction.activity_id else None
    )
    if project_id:
        return [("project", project_id)]
    subjects = [("activity", transaction.activity_id)]
    subjects += [("partnership", p.pk) for p in transaction.activity.report_partnerships]
    return subjects


def goal_rows(records: PeriodRecords, *, money_rule=None) -> list[dict]:
    """Per goal (all 17, in order): records per kind and significance, money in euros (spent
    cash and in-kind value apart) per significance, and per target its records."""
    money = money_rule or period_money(records.transactions, records.partnerships)
    subjects = {
        "partnership": records.partnerships,
        "project": records.projects,
        "activity": records.activities,
    }
    rows = []
    for goal in Goal.objects.prefetch_related("targets").order_by("number"):
        row = {
            "goal": goal,
            "counts": {kind: {PRINCIPAL: 0, SIGNIFICANT: 0} for kind in KINDS},
            "cash": {PRINCIPAL: ZERO, SIGNIFICANT: ZERO},
            "in_kind": {PRINCIPAL: ZERO, SIGNIFICANT: ZERO},
            "record_list": [],
            "money_records": [],
            "targets": [],
        }
        significance_of = {}
        by_target: dict[str, list] = {}
        for activity in records.counted_money_activities:  # summary mode: counted below
            strongest = _strongest(records.tags_of("activity", activity), goal.number)
            if strongest is not None:
                significance_of[("activity", activity.pk)] = strongest
        for kind, items in subjects.items():
            for record in items:
                tags = records.tags_of(kind, record)
                strongest = _strongest(tags, goal.number)
                if strongest is None:
                    continue
                significance_of[(kind, record.pk)] = strongest
                row["counts"][kind][strongest] += 1
                row["record_list"].append(record)
                for tag in tags:
                    if tag.goal_id == goal.number and tag.target_id:
                        by_target.setdefault(tag.target_id, []).append((record, tag.significance))
        for transaction in [*money.spent, *money.in_kind]:
            found = [significance_of.get(s) for s in _money_subjects(transaction)]
            found = [f for f in found if f]
            if not found:
                continue
            significance = PRINCIPAL if PRINCIPAL in found else SIGNIFICANT
            euros = transaction.amount_in_euros or Decimal(0)
            part = "in_kind" if transaction.kind == "in_kind" else "cash"
            row[part][significance] += euros
            row["money_records"].append(transaction)
        counted = records.activity_goals.get(goal.number, {})
        for level in (PRINCIPAL, SIGNIFICANT):
            row["counts"]["activity"][level] += counted.get(level, 0)
        row["counted_activities"] = sum(counted.values())
        for target in goal.targets.all():
            activities = records.activity_targets.get(target.code)
            if target.code in by_target or activities:
                row["targets"].append(
                    {
                        "target": target,
                        "records": by_target.get(target.code, []),
                        "activities": activities,
                    }
                )
        row["records"] = len(row["record_list"]) + row["counted_activities"]
        rows.append(row)
    return rows


def goal_streams(records: PeriodRecords, rows: list[dict]) -> list:
    """Summary mode: per goal of `rows` with counted activities, the queryset of those
    activities, for the table of the records behind the figures."""
    return [
        records.activities_in_period.filter(sdg_tags__goal_id=row["goal"].number).distinct()
        for row in rows
        if row["counted_activities"]
    ]


def sdg_chart(rows: list[dict]) -> dict:
    """The SDG overview's bar chart (sdg/charts.py) of the period: every record counted,
    principal solid and significant lighter."""
    overview_rows = [
        {
            "goal": row["goal"],
            "partnerships": {
                level: sum(row["counts"][kind][level] for kind in KINDS)
                for level in (PRINCIPAL, SIGNIFICANT)
            },
            "projects": {PRINCIPAL: 0, SIGNIFICANT: 0},
        }
        for row in rows
    ]
    largest = max((row["records"] for row in rows), default=0)
    return overview_chart({"rows": overview_rows, "largest": largest})


def sdg_review(*, start: datetime.date, end: datetime.date, scope: Scope) -> dict:
    """The context of the SDG review's template."""
    records = period_records(start=start, end=end, scope=scope)
    money = period_money(records.transactions, records.partnerships)
    rows = goal_rows(records, money_rule=money)
    figures = Figures()
    for row in rows:
        if row["records"]:
            row["figure"] = figures.add(
                str(row["goal"]),
                row["records"],
                [*row["record_list"], *row["money_records"]],
                goal_streams(records, [row]),
            )
    return {
        "start": start,
        "end": end,
        "records": records,
        "goals": rows,
        "contributing": [row for row in rows if row["records"]],
        "without": [row["goal"] for row in rows if not row["records"]],
        "sdg_chart": sdg_chart(rows),
        "figures": figures.items,
        "summary_mode": records.summary,
    }
