"""The registry import's report: the counts, and a line for every row of the file (written
as CSV by `exchange.registry_report`)."""

from collections import Counter
from dataclasses import dataclass, field

from partnerwerk.places.models import GeoNamesMatch

REPORT_COLUMNS = (
    "line",
    "city1",
    "country1",
    "city2",
    "country2",
    "outcome",
    "relation",
    "place1",
    "match1",
    "note1",
    "place2",
    "match2",
    "note2",
)


@dataclass
class ImportReport:
    rows: int = 0
    relations_created: int = 0
    relations_existing: int = 0
    relations_kept_deleted: int = 0
    rows_merged: int = 0
    rows_skipped: int = 0
    places_created: Counter = field(default_factory=Counter)
    places_existing: int = 0
    unmatched_places: int = 0
    pairs_also_curated: int = 0
    lines: list[dict] = field(default_factory=list)
    write_seconds: float = 0.0  # how long the write transaction (SQLite's write lock) took

    def summary(self) -> dict:
        return {
            "rows": self.rows,
            "relations_created": self.relations_created,
            "relations_existing": self.relations_existing,
            "relations_kept_deleted": self.relations_kept_deleted,
            "rows_merged": self.rows_merged,
            "rows_skipped": self.rows_skipped,
            "places_created": sum(self.places_created.values()),
            "places_created_by_name": self.places_created[GeoNamesMatch.NAME],
            "places_created_by_alternate_name": self.places_created[GeoNamesMatch.ALTERNATE_NAME],
            "places_created_unmatched": self.places_created[GeoNamesMatch.UNMATCHED],
            "places_existing": self.places_existing,
            "unmatched_places": self.unmatched_places,
            "pairs_also_curated": self.pairs_also_curated,
        }


def report_lines(resolution, keys: dict, report: ImportReport) -> None:
    for row in resolution.rows:
        if row.outcome == "merged":
            report.rows_merged += 1
        elif row.outcome.startswith("skipped"):
            report.rows_skipped += 1
        sides = {}
        for number, side in (("1", row.first), ("2", row.second)):
            sides[f"place{number}"] = side.identity if side else ""
            sides[f"match{number}"] = side.match if side and side.identity else ""
            sides[f"note{number}"] = side.note if side else ""
        report.lines.append(
            {
                "line": row.line,
                **{name: row.values.get(name, "") for name in REPORT_COLUMNS[1:5]},
                "outcome": row.outcome,
                "relation": keys.get(row.relation, "") if row.relation else "",
                **sides,
            }
        )
