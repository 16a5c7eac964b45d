"""The error of a reference data load."""


class ReferenceDataError(Exception):
    """A problem in a reference file, naming the file, the record and the field."""

    def __init__(self, file: str, record: str, field_name: str, message: str):
        self.file, self.record, self.field_name = file, record, field_name
        super().__init__(f"{file}: record {record}: field {field_name}: {message}")
