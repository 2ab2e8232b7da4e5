"""The quarantine, enquiries and status pages (admin and hr: they are not one vacancy's) and
the users page (admin)."""

from __future__ import annotations

from itertools import islice

from starlette.responses import Response

from intake.hr.enquiries import enquiry_dicts
from intake.hr.users import list_users
from intake.hr.views import iso_utc
from intake.poll.health import check_health
from intake.web.pages import Page
from storage.reprocessing import error_summary, quarantined_messages

MOST_ROWS = 500


def quarantine_page(page: Page) -> Response:
    """GET /quarantine: the messages that could not be handled, with the error's first line."""
    with page.console.sessions() as session:
        rows = [
            {"id": row.id, "received": iso_utc(row.received_at), "sender": row.sender or "",
             "subject": row.subject or "", "error": error_summary(row.error)}
            for row in islice(quarantined_messages(session), MOST_ROWS)
        ]  # fmt: skip
    return page.render("quarantine.html", rows=rows, most=MOST_ROWS)


def enquiries_page(page: Page) -> Response:
    """GET /enquiries: messages HR must answer, newest first, with their first lines."""
    zone = page.console.config.organisation.timezone
    with page.console.sessions() as session:
        rows = list(islice(enquiry_dicts(session, zone), MOST_ROWS))
    return page.render("enquiries.html", rows=rows, most=MOST_ROWS)


def status_page(page: Page) -> Response:
    """GET /status: the health ``intake status`` reports, in words."""
    health = check_health(page.console.sessions, page.console.config)
    cycle, daemon, outbox = health.cycle, health.daemon, health.outbox
    facts = [
        ("State", health.state),
        ("Last poll", f"{cycle.result or 'none'}, started {_when(cycle.started)}"),
        ("Last successful poll", _when(cycle.last_success)),
        ("Daemon", f"running since {_when(daemon.started)}" if daemon.running else "not running"),
        ("Waiting for mail (IDLE)", "yes" if daemon.idle_live else "no"),
        ("Acknowledgements waiting", f"{outbox.pending} ({outbox.overdue} overdue)"),
        ("Acknowledgements failed", str(outbox.failed)),
        ("Database", "writable" if health.database_error is None else "NOT writable"),
        *(
            (f"Disk ({disk.holds})", f"{(disk.free_bytes or 0) // 2**20} MiB free, "
             f"{'writable' if disk.writable else 'NOT writable'}")
            for disk in health.disks
        ),
        *((f"Messages {name}", str(count)) for name, count in sorted(health.messages.items())),
    ]  # fmt: skip
    return page.render("status.html", facts=facts, reasons=health.reasons)


def users_page(page: Page) -> Response:
    """GET /users (admin): who may sign in, in which role; changed with ``intake users``."""
    with page.console.sessions() as session:
        rows = [
            {"name": user.name, "role": user.role, "created": iso_utc(user.created_at),
             "vacancies": ", ".join(item.vacancy for item in user.vacancies)}
            for user in list_users(session)
        ]  # fmt: skip
    return page.render("users.html", rows=rows)


def _when(value: object) -> str:
    return iso_utc(value) if value is not None else "never"  # type: ignore[arg-type]
