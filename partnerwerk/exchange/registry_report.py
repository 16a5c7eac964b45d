"""The registry import's report as a CSV file, a line for every row of the imported file,
written by the product's one CSV writer (formula-like text quoted, csvsafe)."""

from pathlib import Path

from partnerwerk.exchange.csvsafe import SafeDictWriter
from partnerwerk.registry.report import REPORT_COLUMNS, ImportReport


def write_import_report(report: ImportReport, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = SafeDictWriter(file, fieldnames=REPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(report.lines)
