"""The formats a listing command writes with ``--format`` (``intake.output.write_rows``)."""

FORMATS = ("table", "json", "csv")
