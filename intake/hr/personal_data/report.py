"""The lines ``intake purge`` and ``intake erase`` print: counts only, never a person's data."""

from __future__ import annotations

from intake.hr.personal_data.deletion import Deletion, Done
from intake.hr.views import iso_utc
from storage.audit import DeletionCounts


def count_lines(deletion: Deletion) -> list[str]:
    """One line per kind of record, aligned."""
    counts = deletion.counts
    copies = deletion.selection.copies
    rows = (
        ("applications", str(counts.applications)),
        (
            "messages",
            f"{counts.messages}" + (f" ({copies} of them duplicate copies)" if copies else ""),
        ),
        ("documents", str(counts.documents)),
        ("acknowledgements", str(counts.acknowledgements)),
        ("acknowledgement files", str(counts.files)),
    )
    return [f"  {name:<22} {value}" for name, value in rows]


def receipt_line(deletion: Deletion) -> str | None:
    """When the oldest and the newest of the applications arrived, if there are any."""
    oldest, newest = deletion.selection.oldest, deletion.selection.newest
    if oldest is None or newest is None:
        return None
    return f"  received from {iso_utc(oldest)} to {iso_utc(newest)}"


def linked_line(deletion: Deletion) -> str | None:
    """The applications kept although linked by name to the erased ones."""
    if not deletion.linked:
        return None
    ids = ", ".join(str(application_id) for application_id in deletion.linked)
    return (
        f"kept: application(s) {ids}, linked to these as the same candidate by name but sent "
        "from another address; they are not erased (HR decides: `intake show ID`)"
    )


def dry_run_lines(what: str, deletion: Deletion, details: list[str | None]) -> list[str]:
    """The report of a dry run: what ``what`` would delete, ``details``, how to do it."""
    lines = ["dry run: nothing was changed.", f"{what} would delete:", *count_lines(deletion)]
    lines += [line for line in details if line]
    if deletion.counts == DeletionCounts():
        lines.append("nothing to delete")
    else:
        lines.append("to delete them, run the same command again with --yes added")
    return lines


def done_lines(what: str, done: Done, details: list[str | None]) -> list[str]:
    """The report of a deletion carried out, with ``details``."""
    lines = [f"{what} deleted:", *count_lines(done.deletion)]
    lines += [line for line in details if line]
    lines.append(f"audit entry {done.audit_id} written (`intake audit` lists it)")
    lines.append(done.cleanup)
    return lines
