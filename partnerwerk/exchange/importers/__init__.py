"""Import partnerships, projects, activities and organisations from the exports' CSV or XLSX.

`plan_import` reads and checks every row and says what would happen to it (created,
changed with the fields named, unchanged, or refused with the reason); nothing is written.
`run_import` applies a plan in one transaction, and only a plan without refused rows: a file
either imports completely or not at all. Rows are matched by their key (`id`); a row whose
values equal the database's is left alone, so importing the same file twice changes nothing.

Columns the export derives from other data (a partnership's status and steps, sources,
involvements, SDGs, a place's name beside its GeoNames id) are accepted and ignored; a
column the export does not have is an error. Records created by an import are internal
unless the file has a `visibility` column, so nothing is published by accident.
"""

from partnerwerk.exchange.importers.cells import Deferred, RowError
from partnerwerk.exchange.importers.plans import ImportPlan, RowOutcome, plan_import
from partnerwerk.exchange.importers.specs import IMPORTABLE, SPECS, Context, Spec
from partnerwerk.exchange.importers.writing import import_file, run_import

__all__ = [
    "IMPORTABLE",
    "SPECS",
    "Context",
    "Deferred",
    "ImportPlan",
    "RowError",
    "RowOutcome",
    "Spec",
    "import_file",
    "plan_import",
    "run_import",
]
