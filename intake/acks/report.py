"""What one drain of the outbox did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SendReport:
    """What one drain did. ``deferred`` rows stay pending for a later drain: when the global
    rate stopped it, every row due; otherwise those it gave back or held (a stop, an
    unreachable server, a broken template)."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    suppressed: int = 0
    deferred: int = 0
    problems: list[str] = field(default_factory=list)
    skipped: bool = False

    def summary(self) -> str:
        """One line for the log and the poll summary."""
        if self.skipped:
            return "acknowledgements: skipped, another send is running"
        counts = (
            f"{self.sent} sent, {self.retried} to retry, {self.failed} failed, "
            f"{self.suppressed} suppressed, {self.deferred} deferred"
        )
        return f"acknowledgements: {counts}" + (f" ({self.problems[0]})" if self.problems else "")
